namespace RapAnalyzer.Enrichment.Spotify;

// The parts of Spotify's JSON the client reads (snake_case on the wire).

public sealed record SpotifyTokenResponse(string? AccessToken, string? TokenType, int ExpiresIn);

public sealed record SpotifySearchResponse(SpotifyPaging? Tracks);

public sealed record SpotifyPaging(IReadOnlyList<SpotifyTrack>? Items);

public sealed record SpotifyTrack(string? Id, string? Name, int Popularity, int DurationMs, bool Explicit, SpotifyAlbum? Album);

public sealed record SpotifyAlbum(string? Name, string? ReleaseDate);
