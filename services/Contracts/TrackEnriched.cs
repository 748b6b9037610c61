namespace RapAnalyzer.Contracts;

/// <summary>
/// Text features, embeddings and Spotify metadata of a stored track. <see cref="Embeddings"/> holds one vector per
/// model: always the embedded USE-Lite's, and the configured embedding endpoint's when it answered. <see cref="ArtistWords"/> are the lyric
/// words, in order, of the sections credited to the track's artist (all sections when none names a performer):
/// what the artist's vocabulary figure counts.
/// </summary>
public sealed record TrackEnriched(
    Guid TrackId,
    TrackFeatures Features,
    IReadOnlyList<LyricsEmbedding> Embeddings,
    SpotifyMetadata? Spotify,
    IReadOnlyList<string> ArtistWords);

/// <summary>A track's lyrics as one vector of a model; vectors of different models are never compared.</summary>
public sealed record LyricsEmbedding(string ModelId, float[] Vector);

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
