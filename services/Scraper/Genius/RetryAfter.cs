namespace RapAnalyzer.Scraper.Genius;

/// <summary>How long a 429 or 503 response asks the client to wait, from either form of the Retry-After header.</summary>
public static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        return wait is { } value ? (value < TimeSpan.Zero ? TimeSpan.Zero : value) : null;
    }
}
