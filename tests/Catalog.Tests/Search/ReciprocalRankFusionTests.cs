using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class ReciprocalRankFusionTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");

    [Test]
    public void A_track_both_sides_found_outranks_one_found_first_by_a_single_side()
    {
        var fused = ReciprocalRankFusion.Fuse([new(A, 9), new(B, 5)], [new(C, 0.9), new(B, 0.8)], k: 60, textWeight: 1, semanticWeight: 1);

        Assert.That(fused.Select(t => t.Id), Is.EqualTo(new[] { B, A, C }));
        Assert.That(fused[0].Score, Is.EqualTo(1.0 / 62 + 1.0 / 62).Within(1e-12));
        Assert.That(fused[0].FoundBy, Is.EqualTo(new[] { "text", "semantic" }));
        Assert.That(fused[1].FoundBy, Is.EqualTo(new[] { "text" }));
    }

    [Test]
    public void Weights_scale_each_side()
    {
        var fused = ReciprocalRankFusion.Fuse([new(A, 1)], [new(C, 1)], k: 60, textWeight: 1, semanticWeight: 2);

        Assert.That(fused.Select(t => t.Id), Is.EqualTo(new[] { C, A }));
        Assert.That(fused[0].Score, Is.EqualTo(2.0 / 61).Within(1e-12));
    }

    [Test]
    public void Equal_scores_order_by_id_so_pages_are_stable()
    {
        var fused = ReciprocalRankFusion.Fuse([new(C, 1)], [new(A, 1)], k: 60, textWeight: 1, semanticWeight: 1);

        Assert.That(fused.Select(t => t.Id), Is.EqualTo(new[] { A, C }));
    }

    [Test]
    public void A_track_repeated_in_one_list_counts_once()
    {
        var fused = ReciprocalRankFusion.Fuse([new(A, 2), new(A, 1)], [], k: 60, textWeight: 1, semanticWeight: 1);

        Assert.That(fused.Single().Score, Is.EqualTo(1.0 / 61).Within(1e-12));
    }

    [Test]
    public void Two_lists_of_one_side_both_count_and_name_the_side_once()
    {
        var fused = ReciprocalRankFusion.Fuse(60, [
            new([new(A, 1)], "text", 1),
            new([new(B, 0.9), new(A, 0.8)], "semantic", 1),
            new([new(A, 0.7), new(B, 0.6)], "semantic", 0.5),
        ]);

        Assert.That(fused.Select(t => t.Id), Is.EqualTo(new[] { A, B }));
        Assert.That(fused[0].Score, Is.EqualTo(1.0 / 61 + 1.0 / 62 + 0.5 / 61).Within(1e-12));
        Assert.That(fused[0].FoundBy, Is.EqualTo(new[] { "text", "semantic" }));
        Assert.That(fused[1].Score, Is.EqualTo(1.0 / 61 + 0.5 / 62).Within(1e-12));
        Assert.That(fused[1].FoundBy, Is.EqualTo(new[] { "semantic" }));
    }
}
