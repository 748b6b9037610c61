using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;
using RapAnalyzer.Testing;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>The key the catalog stores an artist under and looks one up by: one artist however a source spells it.</summary>
public class ArtistTests
{
    private static Artist Stored(string name) => new() { Name = name, NormalizedName = ArtistIdentity.Key(name) };

    [TestCaseSource(typeof(ArtistSpellings), nameof(ArtistSpellings.SameArtistPairs))]
    public void Spellings_of_one_artist_share_a_key(string name, string spelling)
    {
        Assert.That(ArtistIdentity.Key(spelling), Is.EqualTo(Stored(name).NormalizedName));
    }

    [TestCaseSource(typeof(ArtistSpellings), nameof(ArtistSpellings.DifferentArtistPairs))]
    public void Different_artists_have_different_keys(string name, string other)
    {
        Assert.That(ArtistIdentity.Key(other), Is.Not.EqualTo(Stored(name).NormalizedName));
    }

    [TestCase("!!!")]
    [TestCase("¥$")]
    [TestCase("\u200B")] // invisible, yet not blank: the catalog refuses blank names only
    public void A_name_without_letters_or_digits_still_has_a_key(string name)
    {
        Assert.That(ArtistIdentity.Key(name), Is.Not.Empty);
    }

    [Test]
    public void A_key_fits_the_column_of_a_name_whatever_its_compatibility_forms_expand_to()
    {
        // U+FDFA is one character that NFKC writes as eighteen.
        var name = new string('\uFDFA', TrackLimits.MaxArtistLength);

        Assert.That(ArtistIdentity.Key(name), Has.Length.LessThanOrEqualTo(TrackLimits.MaxArtistLength));
    }
}
