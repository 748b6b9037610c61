using System.Diagnostics;

namespace RapAnalyzer.AppHost.Run;

/// <summary>
/// A child process of the AppHost: its output streamed with the resource's name, restarted with backoff when
/// it exits on its own, and stopped with its stop signal (then SIGKILL after a grace period).
/// </summary>
public sealed class ManagedProcess(string resourceName, ProcessSpec spec, Action<string, string> log, ProcessLedger ledger,
    bool restartOnExit) : IAsyncDisposable
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableUptime = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(15);

    private readonly CancellationTokenSource _stopping = new();
    private Process? _process;
    private Task? _supervisor;

    public string ResourceName { get; } = resourceName;
    public int Restarts { get; private set; }
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    public void Start()
    {
        _process = Launch();
        _supervisor = Task.Run(SuperviseAsync);
    }

    private Process Launch()
    {
        // Its own session, so a Ctrl+C at the terminal reaches only the AppHost, which then stops the
        // children in order (projects before the servers they use).
        var info = new ProcessStartInfo("setsid")
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        spec.ApplyEnvironment(info);

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(e.Data);
        process.ErrorDataReceived += (_, e) => Forward(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ledger.Record(process);
        return process;
    }

    private void Forward(string? line)
    {
        if (line is not null)
        {
            log(ResourceName, line);
        }
    }

    private async Task SuperviseAsync()
    {
        var backoff = TimeSpan.FromSeconds(1);
        while (true)
        {
            var process = _process!;
            var startedAt = Stopwatch.GetTimestamp();
            await process.WaitForExitAsync(CancellationToken.None);
            ledger.Forget(process);
            if (_stopping.IsCancellationRequested || !restartOnExit)
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(startedAt) > StableUptime)
            {
                backoff = TimeSpan.FromSeconds(1);
            }
            log(ResourceName, $"exited with code {process.ExitCode}; restarting in {backoff.TotalSeconds:0} s");
            try
            {
                await Task.Delay(backoff, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            Restarts++;
            _process = Launch();
        }
    }

    public bool HasExited => _process is null || _process.HasExited;

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        var process = _process;
        if (process is not null && !process.HasExited)
        {
            Signals.Send(process.Id, spec.StopSignal);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                log(ResourceName, $"did not stop within {StopGrace.TotalSeconds:0} s; killing it");
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        if (_supervisor is not null)
        {
            await _supervisor;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        _stopping.Dispose();
    }
}
