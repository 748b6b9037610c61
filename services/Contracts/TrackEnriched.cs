namespace RapAnalyzer.Contracts;

/// <summary>
/// Text features, embeddings and Spotify metadata of a stored track. <see cref="Embeddings"/> holds one vector per
/// model: always the embedded USE-Lite's, and the configured embedding endpoint's when it answered. <see cref="ArtistWords"/> are the lyric
/// words, in order, of the sections credited to the track's artist (all sections when none names a performer):
/// what the artist's vocabulary figure counts. <see cref="ContentHash"/> is that of the lyrics enriched (the
/// TrackStored's), so an enrichment of lyrics the track no longer has is recognised; none in a message sent before it
/// was carried. <see cref="FeaturesVersion"/> is the computation the features come from (<see cref="Contracts.FeaturesVersion"/>).
/// </summary>
public sealed record TrackEnriched(
    Guid TrackId,
    TrackFeatures Features,
    IReadOnlyList<LyricsEmbedding> Embeddings,
    SpotifyMetadata? Spotify,
    IReadOnlyList<string> ArtistWords,
    string? ContentHash = null,
    int FeaturesVersion = Contracts.FeaturesVersion.Unversioned);

/// <summary>
/// A track's lyrics as one vector of a model; vectors of different models are never compared. <see cref="Sections"/>
/// are the vectors the track's is the mean of, one per distinct section in the order the sections first appear, with
/// the section's lines: what a semantic search hit shows as its most similar section; at most <see cref="MostSections"/>.
/// None in a message sent before they were carried.
/// </summary>
public sealed record LyricsEmbedding(string ModelId, float[] Vector, IReadOnlyList<LyricsSectionEmbedding>? Sections = null)
{
    /// <summary>
    /// The most section vectors a track carries (its first distinct sections): a song has a dozen or so, and lyrics cut
    /// by blank lines into thousands would make a message and a catalog row set of megabytes.
    /// </summary>
    public const int MostSections = 100;
}

/// <summary>One distinct section of a track's lyrics (its lyric lines joined by line breaks) and its vector.</summary>
public sealed record LyricsSectionEmbedding(string Text, float[] Vector);

/// <summary>
/// The text features of a track: the one list of them. The catalog stores each as a column of its name, its API
/// and gRPC reply serve them as they are, and enrichment's <c>FeaturesReply</c> (proto) has one field each, which
/// its tests hold to this list; adding a feature is a parameter here, its proto field and a catalog migration.
/// Not sealed: enrichment's own features extend it (a property of this type still serializes only these).
/// </summary>
public record TrackFeatures(
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
