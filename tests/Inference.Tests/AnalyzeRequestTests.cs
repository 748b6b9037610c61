using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Tests;

/// <summary>POST /analyze's bad input is named by its field.</summary>
public class AnalyzeRequestTests
{
    private static Dictionary<string, string[]> Problems(string? lyrics = null, string? trackId = null, string? analyzer = null, int max = 100) =>
        new AnalyzeRequest(lyrics, trackId, analyzer).Problems(max);

    [Test]
    public void Lyrics_alone_are_a_request()
    {
        Assert.That(Problems(lyrics: "one line"), Is.Empty);
        Assert.That(Problems(trackId: Guid.NewGuid().ToString(), analyzer: "embedded"), Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  \n ")]
    public void Missing_lyrics_are_named(string? lyrics)
    {
        Assert.That(Problems(lyrics: lyrics).Keys, Is.EqualTo(new[] { "lyrics" }));
    }

    [Test]
    public void Lyrics_over_the_limit_are_named()
    {
        Assert.That(Problems(lyrics: new string('a', 101))["lyrics"][0], Does.Contain("100"));
    }

    [Test]
    public void An_unknown_analyzer_or_a_bad_track_id_is_named()
    {
        Assert.That(Problems(lyrics: "x", analyzer: "gpt").Keys, Is.EqualTo(new[] { "analyzer" }));
        Assert.That(Problems(trackId: "42").Keys, Is.EqualTo(new[] { "trackId" }));
        Assert.That(Problems(lyrics: "x", trackId: Guid.NewGuid().ToString()).Keys, Is.EqualTo(new[] { "lyrics" }));
    }
}
