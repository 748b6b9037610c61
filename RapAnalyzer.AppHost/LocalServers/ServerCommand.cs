using System.Diagnostics;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>Runs a short set-up command of a server (initdb, chown) to completion, failing with its output.</summary>
public static class ServerCommand
{
    public static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {await error}{await output}");
        }
    }

    /// <summary>
    /// The command line that runs a program as <paramref name="user"/> when the AppHost is root (Postgres refuses to run
    /// as root): through setpriv, which execs in place, so the process the AppHost started is the server itself and
    /// receives its stop signal directly.
    /// </summary>
    public static (string FileName, string[] Arguments) AsUser(string? user, string fileName, params string[] arguments) =>
        user is null
            ? (fileName, arguments)
            : ("setpriv", [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", fileName, .. arguments]);
}
