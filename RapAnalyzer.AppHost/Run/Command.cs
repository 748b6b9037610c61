using System.Diagnostics;

namespace RapAnalyzer.AppHost.Run;

/// <summary>Runs a short command to completion and fails with its output when it fails.</summary>
public static class Command
{
    public static Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(new ProcessSpec(fileName, arguments, new Dictionary<string, string>(), Environment.CurrentDirectory), cancellationToken);

    public static async Task RunAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in spec.Arguments)
        {
            info.ArgumentList.Add(argument);
        }
        spec.ApplyEnvironment(info);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{spec.FileName} {string.Join(' ', spec.Arguments)}' failed with exit code {process.ExitCode}: {await error}{await output}");
        }
    }
}
