using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

public class ExplicitWordsTests
{
    [Test]
    public void The_shipped_list_is_read()
    {
        Assert.That(ModelData.Explicit.Count, Is.GreaterThan(400));
    }

    [Test]
    public void Lyrics_with_listed_words_are_explicit_and_the_reason_masks_them()
    {
        var content = ModelData.Explicit.Judge("Shit, I don't give a fuck!\nFuck the haters");

        Assert.That(content.IsExplicit, Is.True);
        Assert.That(content.Reason, Does.Contain("3 occurrences of 2 words"));
        Assert.That(content.Reason, Does.Contain("f**k").And.Contain("s**t"));
        Assert.That(content.Reason, Does.Not.Contain("fuck"));
    }

    [Test]
    public void Clean_lyrics_are_not_explicit()
    {
        var content = ModelData.Explicit.Judge("Sunshine on the avenue\nWe ride until the morning");

        Assert.That(content.IsExplicit, Is.False);
        Assert.That(content.Reason, Does.Contain("No word"));
    }

    [Test]
    public void The_module_source_is_parsed_as_its_array()
    {
        var words = ExplicitWords.Parse("module.exports = [\"Darn\", \"heck\"];\n");

        Assert.That(words.Judge("what the HECK").IsExplicit, Is.True);
        Assert.That(words.Judge("darn it").IsExplicit, Is.True);
        Assert.That(words.Judge("dang it").IsExplicit, Is.False);
    }
}
