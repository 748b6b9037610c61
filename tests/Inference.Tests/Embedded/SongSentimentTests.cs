using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

/// <summary>A song's label, score and confidence from its lines.</summary>
public class SongSentimentTests
{
    public const string Positive = """
        [Verse 1]
        I love the sunshine and my family is beautiful
        We celebrate every win, so happy and grateful
        Smiling with my friends, the future looks bright

        [Chorus]
        Life is good, life is great, I'm blessed tonight
        Joy in my heart and peace in my mind
        """;

    public const string Negative = """
        [Verse 1]
        I hate this pain, my heart is broken and cold
        Lost my friends to the violence, dead and alone
        Crying every night, the fear and the hurt

        [Chorus]
        Misery and sorrow, everything is worse
        Tears on my face, I'm angry and sad
        """;

    public const string NegatedPositive = """
        I'm not happy, I ain't feeling good
        No love in this city, no peace in the hood
        Never been lucky, not proud of my life
        I don't feel blessed, I don't feel alright
        """;

    private static SentimentResult Of(string lyrics) => SongSentiment.Of(ModelData.Vader, LyricLines.Of(lyrics));

    [Test]
    public void Clearly_positive_lyrics_are_positive()
    {
        var sentiment = Of(Positive);

        Assert.That(sentiment.Label, Is.EqualTo("positive"));
        Assert.That(sentiment.Score, Is.GreaterThan(0.4).And.LessThanOrEqualTo(1));
        Assert.That(sentiment.Confidence, Is.GreaterThan(0.5).And.LessThanOrEqualTo(1));
    }

    [Test]
    public void Clearly_negative_lyrics_are_negative()
    {
        var sentiment = Of(Negative);

        Assert.That(sentiment.Label, Is.EqualTo("negative"));
        Assert.That(sentiment.Score, Is.LessThan(-0.4).And.GreaterThanOrEqualTo(-1));
    }

    [Test]
    public void Positive_words_under_negation_make_negative_lyrics()
    {
        Assert.That(Of(NegatedPositive).Label, Is.EqualTo("negative"));
    }

    [Test]
    public void Lyrics_swinging_both_ways_are_mixed()
    {
        var sentiment = Of(Positive + "\n\n" + Negative);

        Assert.That(sentiment.Label, Is.EqualTo("mixed"));
    }

    [Test]
    public void Lyrics_without_sentiment_words_are_neutral()
    {
        var sentiment = Of("I walk down the street\nTo the corner store\nThen I go back home");

        Assert.That(sentiment, Is.EqualTo(new SentimentResult("neutral", 0, 0.5)));
    }
}
