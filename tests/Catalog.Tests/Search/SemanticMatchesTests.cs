using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class SemanticMatchesTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    private static readonly SearchOptions Settings = new() { RrfK = 60, TextWeight = 1.5, SemanticWeight = 0.5, LineWeight = 2 };

    [Test]
    public void Without_lines_the_pooled_vectors_rank_alone_with_their_own_scores()
    {
        var ranked = new SemanticMatches([new(A, 0.9), new(B, 0.8)], []).Rank(Settings, null);

        Assert.That(ranked.Select(t => (t.Id, t.Score)), Is.EqualTo(new[] { (A, 0.9), (B, 0.8) }));
    }

    [Test]
    public void A_tracks_best_line_outweighs_its_pooled_vectors_rank()
    {
        var ranked = new SemanticMatches([new(A, 0.9), new(B, 0.8)], [new(B, "the line", 0.7)]).Rank(Settings, null);

        Assert.That(ranked.Select(t => t.Id), Is.EqualTo(new[] { B, A }));
        Assert.That(ranked[0].Score, Is.EqualTo(0.5 / 62 + 2.0 / 61).Within(1e-12));
        Assert.That(ranked[0].FoundBy, Is.EqualTo(new[] { "semantic" }));
    }

    [Test]
    public void Hybrid_fuses_the_text_sides_tracks_with_both_semantic_lists()
    {
        var ranked = new SemanticMatches([new(A, 0.9)], [new(B, "the line", 0.7)]).Rank(Settings, [new(C, 3), new(A, 2)]);

        Assert.That(ranked.Select(t => t.Id), Is.EqualTo(new[] { B, A, C }));
        Assert.That(ranked[1].Score, Is.EqualTo(1.5 / 62 + 0.5 / 61).Within(1e-12));
        Assert.That(ranked[1].FoundBy, Is.EquivalentTo(new[] { "text", "semantic" }));
    }
}
