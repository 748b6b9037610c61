using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>
/// The app's current access token, shared by every <see cref="SpotifyClient"/> (typed clients are transient).
/// It is fetched again shortly before it expires, one fetch at a time however many lookups need it.
/// </summary>
public sealed class SpotifyAccessToken(TimeProvider time) : IDisposable
{
    // Renewing a minute early means a token never expires between being handed out and reaching Spotify.
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Current? _current;

    public async Task<string> GetAsync(Func<CancellationToken, Task<SpotifyTokenResponse>> fetch, CancellationToken cancellationToken)
    {
        if (Valid(Volatile.Read(ref _current)) is { } token)
        {
            return token;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Valid(_current) is { } fetched)
            {
                return fetched;
            }
            var response = await fetch(cancellationToken);
            if (string.IsNullOrEmpty(response.AccessToken) || response.ExpiresIn <= 0)
            {
                throw new ExternalApiException(SpotifyOptions.SectionName,
                    "Spotify's token endpoint answered without an access_token and a positive expires_in.");
            }
            var lifetime = TimeSpan.FromSeconds(response.ExpiresIn);
            // A token shorter-lived than the margin is still used, for half its life.
            var renewAfter = lifetime > 2 * RenewBefore ? lifetime - RenewBefore : lifetime / 2;
            Volatile.Write(ref _current, new Current(response.AccessToken, time.GetUtcNow() + renewAfter));
            return response.AccessToken;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets <paramref name="token"/> after Spotify refused it, unless another caller has already replaced it.</summary>
    public void Invalidate(string token)
    {
        var current = Volatile.Read(ref _current);
        if (current?.Token == token)
        {
            Interlocked.CompareExchange(ref _current, null, current);
        }
    }

    public void Dispose() => _refresh.Dispose();

    private string? Valid(Current? current) => current is not null && time.GetUtcNow() < current.RenewAfter ? current.Token : null;

    private sealed record Current(string Token, DateTimeOffset RenewAfter);
}
