using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>The host's lifetime for runners started outside a host; <see cref="StopApplication"/> cancels their jobs.</summary>
public sealed class StoppableLifetime : IHostApplicationLifetime, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken ApplicationStarted => CancellationToken.None;
    public CancellationToken ApplicationStopping => _stopping.Token;
    public CancellationToken ApplicationStopped => CancellationToken.None;

    public void StopApplication() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
