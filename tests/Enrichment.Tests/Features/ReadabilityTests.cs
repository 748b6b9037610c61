using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Flesch reading ease with lines as sentences.</summary>
public class ReadabilityTests
{
    [Test]
    public void Flesch_reading_ease_by_hand()
    {
        // "The cat sat / On the mat": 2 lines, 6 words, 6 syllables.
        // 206.835 - 1.015 × 6/2 - 84.6 × 6/6 = 206.835 - 3.045 - 84.6 = 119.19
        Assert.That(Readability.FleschReadingEase(lines: 2, words: 6, syllables: 6), Is.EqualTo(119.19).Within(1e-9));
    }

    [Test]
    public void The_analyzer_counts_lines_words_and_syllables_for_it()
    {
        Assert.That(Cmu.Analyzer.Analyze("The cat sat\nOn the mat").Readability, Is.EqualTo(119.19).Within(1e-9));
    }

    [Test]
    public void Longer_lines_and_longer_words_read_harder()
    {
        // 1 line of 6 words and 12 syllables: 206.835 - 1.015 × 6 - 84.6 × 2 = 31.545
        Assert.That(Readability.FleschReadingEase(lines: 1, words: 6, syllables: 12), Is.EqualTo(31.545).Within(1e-9));
    }

    [Test]
    public void No_words_have_no_score()
    {
        Assert.That(Readability.FleschReadingEase(0, 0, 0), Is.Zero);
    }
}
