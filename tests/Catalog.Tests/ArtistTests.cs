using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>An artist's name folded for matching, so spellings that differ only in case or spacing are one artist.</summary>
public class ArtistTests
{
    [TestCase("Jay-Z", "jay-z")]
    [TestCase("JAY-Z", "jay-z")]
    [TestCase("  Kendrick Lamar  ", "kendrick lamar")]
    [TestCase("Kendrick    Lamar", "kendrick lamar")]
    [TestCase(" A  Tribe   Called Quest ", "a tribe called quest")]
    [TestCase("\tMF DOOM\n", "mf doom")]
    [TestCase("Nas", "nas")]
    public void Normalize_folds_case_and_inner_and_outer_spaces(string name, string expected)
    {
        Assert.That(Artist.Normalize(name), Is.EqualTo(expected));
    }

    [Test]
    public void Spellings_that_differ_in_case_and_spacing_are_one_artist()
    {
        Assert.That(Artist.Normalize(" the  NOTORIOUS b.i.g. "), Is.EqualTo(Artist.Normalize("The Notorious B.I.G.")));
    }

    [Test]
    public void Punctuation_is_kept_so_different_names_stay_different()
    {
        Assert.That(Artist.Normalize("Jay-Z"), Is.Not.EqualTo(Artist.Normalize("Jay Z")));
    }

    [TestCase("Kendrick\tLamar")]
    [TestCase("Kendrick\nLamar")]
    [TestCase("Kendrick\u00A0Lamar")] // a no-break space, as HTML (&nbsp;) gives it
    public void Inner_whitespace_other_than_a_space_folds_too(string name)
    {
        Assert.That(Artist.Normalize(name), Is.EqualTo("kendrick lamar"));
    }
}
