namespace RapAnalyzer.AppHost.Run;

/// <summary>How a local run is laid out on this machine.</summary>
public sealed record RunOptions
{
    /// <summary>Everything the infrastructure keeps between runs lives below this folder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Wipe the data folder before starting.</summary>
    public bool Fresh { get; init; }

    /// <summary>The gateway's port when it is free; another free port otherwise. 0: any free port.</summary>
    public int PreferredGatewayPort { get; init; } = 5080;

    /// <summary>Connection strings already configured for infrastructure resources; those servers are used, not started.</summary>
    public IReadOnlyDictionary<string, string> ConfiguredConnectionStrings { get; init; } = new Dictionary<string, string>();

    /// <summary>Where every child process's output line goes, with the resource's name.</summary>
    public Action<string, string> Log { get; init; } = ConsoleLog.Write;

    /// <summary>Start only these resources and what they depend on; null starts the whole model.</summary>
    public IReadOnlyCollection<string>? Only { get; init; }

    public TimeSpan HealthTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>
    /// Where the values of variables forwarded from the host (<c>WithEnvironmentFromHost</c>) come from; null: this
    /// process's environment. When set, only these count: a forwarded variable of this process's own environment is
    /// not passed on. Tests point services at fake external APIs through it, whatever the developer has exported.
    /// </summary>
    public IReadOnlyDictionary<string, string>? HostEnvironment { get; init; }
}
