using System.Runtime.InteropServices;

namespace RapAnalyzer.AppHost.Run;

/// <summary>POSIX signals for graceful stops: Process.Kill only sends SIGKILL.</summary>
internal static partial class Signals
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigKill = 9;

    public static bool Send(int pid, int signal) => kill(pid, signal) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
