namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// A track's vector (L2-normalised), the model that made it, how many inputs the model read for it (token chunks
/// for USE-Lite, distinct sections for an endpoint), and the vectors of its distinct sections
/// (<see cref="Features.Lyrics.DistinctSectionTexts"/>, in that order) that it is the normalised mean of: none for a
/// track without lyric lines. <see cref="Lines"/> are the vectors of its first distinct lines
/// (<see cref="UniversalSentenceEncoder.EmbedLines"/>), which only the embedded model makes for enrichment: null from
/// an endpoint and for an on-demand text.
/// </summary>
public sealed record TrackEmbedding(float[] Vector, string ModelId, int Chunks, IReadOnlyList<float[]> Sections)
{
    public IReadOnlyList<float[]>? Lines { get; init; }
}
