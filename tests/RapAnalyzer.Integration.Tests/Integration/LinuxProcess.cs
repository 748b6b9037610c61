using System.Globalization;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// A service's own process as Linux sees it (the AppHost reports the <c>dotnet run</c> that starts it): how much memory
/// it holds and has held at most, and which files it has open.
/// </summary>
public sealed class LinuxProcess(int id)
{
    public int Id => id;

    /// <summary>The peak resident set size since the process started (VmHWM).</summary>
    public long PeakResidentBytes => StatusKilobytes("VmHWM") * 1024;

    public long ResidentBytes => StatusKilobytes("VmRSS") * 1024;

    /// <summary>The process running <paramref name="assembly"/> (its apphost or <c>dotnet</c> with its dll) below the process the AppHost reports.</summary>
    public static async Task<LinuxProcess> OfServiceAsync(DistributedApplication app, string resource, string assembly)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var running = await app.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null), timeout.Token);
        var root = Convert.ToInt32(running.Snapshot.Properties.First(p => p.Name == "executable.pid").Value, CultureInfo.InvariantCulture);
        return new LinuxProcess(SelfAndDescendants(root).First(pid => CommandLine(pid) is [var program, .. var arguments]
            && (Path.GetFileName(program) == assembly || arguments.Any(a => Path.GetFileName(a) == $"{assembly}.dll"))));
    }

    /// <summary>The files the process has open directly in <paramref name="folder"/> (not in folders below it).</summary>
    public IReadOnlyList<string> OpenFilesIn(string folder) =>
        [.. Directory.EnumerateFiles($"/proc/{id}/fd")
            .Select(descriptor => new FileInfo(descriptor).LinkTarget)
            .Where(target => target is not null && Path.GetDirectoryName(target) == Path.TrimEndingDirectorySeparator(folder))
            .Select(target => target!)];

    private long StatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{id}/status").First(l => l.StartsWith($"{field}:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static string[] CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static IEnumerable<int> SelfAndDescendants(int root)
    {
        var children = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Select(name => (Pid: int.Parse(name!, CultureInfo.InvariantCulture), Parent: ParentOf(int.Parse(name!, CultureInfo.InvariantCulture))))
            .ToLookup(p => p.Parent, p => p.Pid);
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            yield return pid;
            foreach (var child in children[pid])
            {
                pending.Enqueue(child);
            }
        }
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // The command name, in parentheses, may hold spaces; the fields after it do not.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }
}
