namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a track scores Σ weight / (k + rank) over the lists
/// that hold it, ranks starting at 1, so neither side's raw scores (a cosine, a ts_rank) need to be comparable.
/// Ties go to the smaller id, so a page is the same slice every time it is asked for.
/// </summary>
public static class ReciprocalRankFusion
{
    public const string Text = "text";
    public const string Semantic = "semantic";

    public static IReadOnlyList<FusedTrack> Fuse(IReadOnlyList<RankedTrack> text, IReadOnlyList<RankedTrack> semantic,
        int k, double textWeight, double semanticWeight) =>
        Fuse(k, [new RankedList(text, Text, textWeight), new RankedList(semantic, Semantic, semanticWeight)]);

    /// <summary>Any number of ranked lists fused; several may be one side's (the semantic side's tracks and lines).</summary>
    public static IReadOnlyList<FusedTrack> Fuse(int k, IReadOnlyList<RankedList> lists)
    {
        var fused = new Dictionary<Guid, (double Score, List<string> FoundBy)>();
        foreach (var (list, side, weight) in lists)
        {
            // A list holds a track once; a repeat would count it twice.
            var seen = new HashSet<Guid>();
            for (var i = 0; i < list.Count; i++)
            {
                if (!seen.Add(list[i].Id))
                {
                    continue;
                }
                var contribution = weight / (k + i + 1);
                if (fused.TryGetValue(list[i].Id, out var entry))
                {
                    if (!entry.FoundBy.Contains(side))
                    {
                        entry.FoundBy.Add(side);
                    }
                    fused[list[i].Id] = (entry.Score + contribution, entry.FoundBy);
                }
                else
                {
                    fused[list[i].Id] = (contribution, [side]);
                }
            }
        }
        return fused
            .Select(entry => new FusedTrack(entry.Key, entry.Value.Score, entry.Value.FoundBy))
            .OrderByDescending(track => track.Score).ThenBy(track => track.Id)
            .ToList();
    }

    /// <summary>One ranked list to fuse: the side that made it and its weight.</summary>
    public sealed record RankedList(IReadOnlyList<RankedTrack> Tracks, string Side, double Weight);

    /// <summary>One side's list as the answer shows it: its own scores, its own order.</summary>
    public static IReadOnlyList<FusedTrack> Single(IReadOnlyList<RankedTrack> list, string side) =>
        list.Select(track => new FusedTrack(track.Id, track.Score, [side])).ToList();
}
