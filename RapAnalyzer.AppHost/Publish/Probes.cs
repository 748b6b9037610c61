using k8s.Models;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>Readiness and liveness probes: an HTTP GET on a named port, or a command run in the container.</summary>
internal static class Probes
{
    public static V1Probe HttpGet(string path, string port, int initialDelaySeconds, int periodSeconds) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = port },
        InitialDelaySeconds = initialDelaySeconds,
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 5,
        FailureThreshold = 3,
    };

    public static V1Probe Exec(IReadOnlyList<string> command, int initialDelaySeconds, int periodSeconds, int timeoutSeconds = 5) => new()
    {
        Exec = new V1ExecAction { Command = [.. command] },
        InitialDelaySeconds = initialDelaySeconds,
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = timeoutSeconds,
        FailureThreshold = 3,
    };
}
