using RapAnalyzer.Inference.Batches;

namespace RapAnalyzer.Inference.Tests;

public class BatchRequestTests
{
    private static BatchItem Song(int i) => new($"line {i}\nanother line", null);

    [Test]
    public void A_batch_within_the_limit_with_a_known_analyzer_is_accepted() =>
        Assert.That(new BatchRequest([Song(1), Song(2)], "embedded").Problems(maxItems: 2), Is.Empty);

    [TestCase(0)]
    [TestCase(3)]
    public void An_empty_batch_or_one_over_the_limit_names_items(int count)
    {
        var problems = new BatchRequest([.. Enumerable.Range(0, count).Select(Song)], null).Problems(maxItems: 2);
        Assert.That(problems.Keys, Is.EquivalentTo(new[] { BatchRequest.ItemsField }));
    }

    [Test]
    public void Missing_items_and_an_unknown_analyzer_are_both_named() =>
        Assert.That(new BatchRequest(null, "gpt-9").Problems(maxItems: 10).Keys, Is.EquivalentTo(new[] { "items", "analyzer" }));

    [Test]
    public void A_bad_item_is_named_by_its_index_and_field()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new BatchItem("", null).Problem(4, 100), Does.StartWith("items[4].lyrics: "));
            Assert.That(new BatchItem(null, "not-a-guid").Problem(9, 100), Does.StartWith("items[9].trackId: "));
            Assert.That(new BatchItem(new string('a', 101), null).Problem(0, 100), Does.StartWith("items[0].lyrics: "));
            Assert.That(Song(1).Problem(0, 100), Is.Null);
            Assert.That(new BatchItem(null, Guid.NewGuid().ToString()).Problem(0, 100), Is.Null);
        });
    }
}
