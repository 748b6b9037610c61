namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>How long a Spotify answer asks the client to wait, from either form of the Retry-After header.</summary>
public static class SpotifyRetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } value ? (value < TimeSpan.Zero ? TimeSpan.Zero : value) : null;
    }
}
