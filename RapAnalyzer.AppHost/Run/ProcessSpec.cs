using System.Diagnostics;

namespace RapAnalyzer.AppHost.Run;

/// <summary>A command line to run for a resource, with its environment and working folder.</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment,
    string WorkingDirectory)
{
    /// <summary>The signal that asks this program to shut down cleanly.</summary>
    public int StopSignal { get; init; } = Signals.SigTerm;

    /// <summary>Variables removed from the environment the program would otherwise inherit from this process.</summary>
    public IReadOnlyCollection<string> Unset { get; init; } = [];

    /// <summary>Gives a process about to start this spec's environment: its own, less <see cref="Unset"/>, plus <see cref="Environment"/>.</summary>
    public void ApplyEnvironment(ProcessStartInfo info)
    {
        foreach (var name in Unset)
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in Environment)
        {
            info.Environment[name] = value;
        }
    }

    /// <summary>Runs the command as another user (Postgres refuses to run as root), through setpriv, which execs in place.</summary>
    public ProcessSpec AsUser(string user) => this with
    {
        FileName = "setpriv",
        Arguments = [$"--reuid={user}", $"--regid={user}", "--init-groups", "--", FileName, .. Arguments],
    };
}
