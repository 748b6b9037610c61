using RapAnalyzer.Scraper.Genius;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>Matching the name asked for with the names Genius search returns.</summary>
public class ArtistNameTests
{
    [TestCase("Kendrick Lamar", "kendrick lamar")]
    [TestCase("Kendrick Lamar", "  KENDRICK   LAMAR ")]
    [TestCase("JAY-Z", "Jay-Z")]
    [TestCase("Beyoncé", "beyonce\u0301")]
    [TestCase("Lil\u200B Wayne", "Lil Wayne")]
    [TestCase("Ａｎｄｒé", "andré")]
    public void Case_spaces_and_invisible_characters_do_not_matter(string genius, string asked)
    {
        Assert.That(ArtistName.Matches(genius, asked), Is.True);
    }

    [TestCase("Kendrick Lamar", "Kendrick")]
    [TestCase("JAY-Z", "Jay Z")]
    [TestCase("Beyoncé", "Beyonce")]
    [TestCase("Nas", "Nasty C")]
    public void Other_differences_do(string genius, string asked)
    {
        Assert.That(ArtistName.Matches(genius, asked), Is.False);
    }
}
