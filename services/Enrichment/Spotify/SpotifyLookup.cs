using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using RapAnalyzer.Contracts;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>
/// Spotify metadata for enrichment, which must never fail because of Spotify: without credentials it is skipped,
/// and any failure is logged and gives null. Answers, found or not, are remembered so re-enriching a track (a
/// redelivered batch, a re-import) does not ask Spotify again; failures are not, so a later delivery tries again.
/// </summary>
public sealed partial class SpotifyLookup(IServiceProvider services, IOptions<SpotifyOptions> options, ILogger<SpotifyLookup> logger) : IDisposable
{
    public const int MaxParallelLookups = 4;
    public const int CacheSize = 100_000;
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromHours(24);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheSize });

    public bool IsEnabled => options.Value.IsConfigured;

    public async Task<SpotifyMetadata?> FindAsync(SpotifySong song, CancellationToken cancellationToken = default)
    {
        if (!IsEnabled)
        {
            return null;
        }
        if (_cache.TryGetValue(song.Key, out Answer? cached))
        {
            return cached!.Metadata;
        }
        try
        {
            // Typed clients are transient (their handlers are recycled), so this singleton takes a fresh one per lookup.
            var client = services.GetRequiredService<SpotifyClient>();
            var metadata = await client.FindTrackAsync(song.Title, song.Artist, cancellationToken);
            _cache.Set(song.Key, new Answer(metadata), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = CacheLifetime });
            return metadata;
        }
        catch (ExternalApiException e)
        {
            LogLookupFailed(logger, song.Title, song.Artist, e.Message);
            return null;
        }
    }

    /// <summary>The metadata of each song, in order, with a few lookups at a time.</summary>
    public async Task<SpotifyMetadata?[]> FindAllAsync(IReadOnlyList<SpotifySong> songs, CancellationToken cancellationToken = default)
    {
        var found = new SpotifyMetadata?[songs.Count];
        if (!IsEnabled)
        {
            return found;
        }
        await Parallel.ForEachAsync(Enumerable.Range(0, songs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelLookups, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await FindAsync(songs[i], token));
        return found;
    }

    public void Dispose() => _cache.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spotify metadata for '{Title}' by {Artist} is skipped: {Reason}")]
    private static partial void LogLookupFailed(ILogger logger, string title, string artist, string reason);

    // A wrapper, so that "Spotify does not know this song" is cached as distinctly as a found track.
    private sealed record Answer(SpotifyMetadata? Metadata);
}
