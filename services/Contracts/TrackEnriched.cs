namespace RapAnalyzer.Contracts;

/// <summary>
/// Text features, the embedding and Spotify metadata of a stored track. <see cref="ArtistWords"/> are the lyric
/// words, in order, of the sections credited to the track's artist (all sections when none names a performer):
/// what the artist's vocabulary figure counts.
/// </summary>
public sealed record TrackEnriched(
    Guid TrackId,
    TrackFeatures Features,
    float[] Embedding,
    string EmbeddingModel,
    SpotifyMetadata? Spotify,
    IReadOnlyList<string> ArtistWords);

public sealed record TrackFeatures(
    int Lines,
    int Sections,
    int Words,
    int UniqueWords,
    double TypeTokenRatio,
    int Syllables,
    double SyllablesPerLine,
    double SyllablesPerLineVariance,
    double RhymeDensity,
    string EndRhymeScheme,
    int MultisyllableRhymes,
    double Readability);

public sealed record SpotifyMetadata(
    string SpotifyId,
    int Popularity,
    string Album,
    string? ReleaseDate,
    int DurationMs,
    bool Explicit);
