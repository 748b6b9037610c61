namespace RapAnalyzer.AppHost.Run;

/// <summary>A command line to run for a resource, with its environment and working folder.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory)
{
    /// <summary>The signal that asks this program to shut down cleanly.</summary>
    public int StopSignal { get; init; } = Signals.SigTerm;

    /// <summary>Runs the command as another user (Postgres refuses to run as root), through setpriv, which execs in place.</summary>
    public ProcessSpec AsUser(string user) => this with
    {
        FileName = "setpriv",
        Arguments = [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", FileName, .. Arguments],
    };
}
