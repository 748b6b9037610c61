namespace RapAnalyzer.Catalog.Search;

/// <summary>What the semantic side found (<see cref="SemanticSide"/>): tracks by their pooled vector, tracks by their best line.</summary>
public sealed record SemanticMatches(IReadOnlyList<RankedTrack> Nearest, IReadOnlyList<NearestLine> Lines)
{
    public static readonly SemanticMatches None = new([], []);

    /// <summary>
    /// The ranked list of a search: with <paramref name="text"/> (hybrid) the text side's tracks fused with these, else
    /// these alone, the pooled vectors' and the lines' tracks fused when there are lines.
    /// </summary>
    public IReadOnlyList<FusedTrack> Rank(SearchOptions settings, IReadOnlyList<RankedTrack>? text)
    {
        List<ReciprocalRankFusion.RankedList> lists = [new(Nearest, ReciprocalRankFusion.Semantic, settings.SemanticWeight)];
        if (Lines.Count > 0)
        {
            lists.Add(new([.. Lines.Select(line => new RankedTrack(line.TrackId, line.Score))], ReciprocalRankFusion.Semantic, settings.LineWeight));
        }
        return text is not null ? ReciprocalRankFusion.Fuse(settings.RrfK, [new(text, ReciprocalRankFusion.Text, settings.TextWeight), .. lists])
            : lists.Count > 1 ? ReciprocalRankFusion.Fuse(settings.RrfK, lists)
            : ReciprocalRankFusion.Single(Nearest, ReciprocalRankFusion.Semantic);
    }
}
