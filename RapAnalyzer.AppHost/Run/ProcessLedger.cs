using System.Diagnostics;

namespace RapAnalyzer.AppHost.Run;

/// <summary>
/// The AppHost's children, written to the data folder as they start, so that a run which was itself killed
/// (and could not stop them) has its leftovers stopped by the next run.
/// </summary>
public sealed class ProcessLedger(string path)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, DateTime> _running = [];

    public IReadOnlyList<int> Running
    {
        get
        {
            lock (_gate)
            {
                return [.. _running.Keys];
            }
        }
    }

    public void Record(Process process)
    {
        lock (_gate)
        {
            _running[process.Id] = process.StartTime.ToUniversalTime();
            Save();
        }
    }

    public void Forget(Process process)
    {
        lock (_gate)
        {
            _running.Remove(process.Id);
            Save();
        }
    }

    /// <summary>Kills the processes an earlier run left behind; a pid reused by another program is left alone.</summary>
    public int KillLeftovers()
    {
        if (!File.Exists(path))
        {
            return 0;
        }
        var killed = 0;
        foreach (var line in File.ReadAllLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length != 2 || !int.TryParse(parts[0], out var pid) || !long.TryParse(parts[1], out var ticks))
            {
                continue;
            }
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.StartTime.ToUniversalTime().Ticks == ticks)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(TimeSpan.FromSeconds(10));
                    killed++;
                }
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone.
            }
        }
        File.Delete(path);
        return killed;
    }

    private void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllLines(path, _running.Select(p => $"{p.Key} {p.Value.Ticks}"));
    }
}
