using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>Brings one resource up on this machine; <see cref="StartAsync"/> returns once it is healthy.</summary>
public interface IResourceRunner : IAsyncDisposable
{
    IResource Resource { get; }

    /// <summary>Where a person finds it, for the table printed once everything is up.</summary>
    string Url { get; }

    /// <summary>Whether the AppHost started it, or uses a server configured for it.</summary>
    bool IsExternal { get; }

    Task StartAsync(CancellationToken cancellationToken);
}
