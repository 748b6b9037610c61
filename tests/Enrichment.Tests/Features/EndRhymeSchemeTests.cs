using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Letters for line endings that rhyme: the last stressed vowel and all after it.</summary>
public class EndRhymeSchemeTests
{
    private static string Scheme(string text) => EndRhymeScheme.Of(Cmu.PronouncedLines(text).Select(line => line.LastWord));

    [Test]
    public void Couplets_are_AABB()
    {
        // flame F L EY1 M, game G EY1 M: EY M; rhyme R AY1 M, time T AY1 M: AY M
        Assert.That(Scheme("I got the flame\nI run the game\nI write the rhyme\nI take my time"), Is.EqualTo("AABB"));
    }

    [Test]
    public void Alternate_rhymes_are_ABAB()
    {
        // fire F AY1 ER0, higher HH AY1 ER0: AY ER; city S IH1 T IY0, pretty P R IH1 T IY0: IH T IY
        Assert.That(Scheme("Set it on fire\nIn the city\nTaking it higher\nLooking pretty"), Is.EqualTo("ABAB"));
    }

    [Test]
    public void The_rhyme_starts_at_the_last_stressed_vowel_not_the_first_vowel()
    {
        // desire D IH0 Z AY1 ER0 ends like fire (AY ER); mine M AY1 N shares the vowel but not what follows.
        Assert.That(Scheme("Fire\nDesire\nMine"), Is.EqualTo("AAB"));
    }

    [Test]
    public void More_than_26_rhyme_sounds_go_on_in_lowercase()
    {
        var words = new[]
        {
            "cat", "dog", "fish", "bird", "cow", "pig", "goat", "sheep", "horse", "mouse", "snake", "frog", "duck",
            "wolf", "bear", "lion", "tiger", "zebra", "camel", "moose", "owl", "hawk", "crab", "shrimp", "squid", "whale", "seal",
        };

        Assert.That(Scheme(string.Join('\n', words)), Is.EqualTo("ABCDEFGHIJKLMNOPQRSTUVWXYZa"));
    }

    [Test]
    public void The_analyzer_restarts_the_letters_in_each_section()
    {
        var features = Cmu.Analyzer.Analyze("[Verse 1]\nI got the flame\nI run the game\n[Chorus]\nSet it on fire\nIn the city\nTaking it higher\nLooking pretty");

        Assert.That(features.EndRhymeScheme, Is.EqualTo("AA ABAB"));
        Assert.That(features.PerSection.Select(s => s.EndRhymeScheme), Is.EqualTo(new[] { "AA", "ABAB" }));
    }
}
