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
/// <see cref="Lines"/> are the signs of each distinct lyric line's vector, in the order the lines first appear, at most
/// <see cref="MostLines"/>: what semantic search matches a half-remembered line against (the embedded model makes them;
/// an endpoint's vectors come without). Either is none in a message sent before it was carried.
/// </summary>
public sealed record LyricsEmbedding(string ModelId, float[] Vector, IReadOnlyList<LyricsSectionEmbedding>? Sections = null,
    IReadOnlyList<LyricsLineSigns>? Lines = null)
{
    /// <summary>
    /// The most section vectors a track carries (its first distinct sections): a song has a dozen or so, and lyrics cut
    /// by blank lines into thousands would make a message and a catalog row set of megabytes.
    /// </summary>
    public const int MostSections = 100;

    /// <summary>The most line signs a track carries (its first distinct lines): a song has 40 to 100 distinct lines.</summary>
    public const int MostLines = 300;
}

/// <summary>One distinct section of a track's lyrics (its lyric lines joined by line breaks) and its vector.</summary>
public sealed record LyricsSectionEmbedding(string Text, float[] Vector);

/// <summary>
/// One distinct lyric line and the signs of its vector (<see cref="Of"/>): a line's whole vector would make a track's
/// lines 6 GB at 57,718 tracks, its signs a thirtieth of that, and compared by Hamming distance they find a
/// half-remembered line nearly as well (the README's measurement of vector units).
/// </summary>
public sealed record LyricsLineSigns(string Text, byte[] Signs)
{
    /// <summary>
    /// A vector's signs, one bit a dimension, set where the value is above 0, the first dimension in the highest bit of
    /// the first byte: the bit string pgvector's <c>binary_quantize</c> makes of the vector, so a query's signs and a
    /// line's are the same function of their vectors.
    /// </summary>
    public static byte[] Of(ReadOnlySpan<float> vector)
    {
        var signs = new byte[(vector.Length + 7) / 8];
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] > 0f)
            {
                signs[i / 8] |= (byte)(0x80 >> (i % 8));
            }
        }
        return signs;
    }
}

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
