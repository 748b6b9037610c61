namespace RapAnalyzer.Testing;

/// <summary>
/// Spellings of one artist, and names that must stay apart, that the scraper, the catalog and the enrichment all
/// hold to: each applies <c>ArtistIdentity</c> in its own way, and a test of each reads this table.
/// </summary>
public static class ArtistSpellings
{
    public static readonly string[][] OneArtist =
    [
        ["Jay-Z", "JAY-Z", "Jay Z", "JayZ", "jay\u2011z", " jay  z "],
        ["Lil Wayne", "Lil' Wayne", "Lil\u2019 Wayne", "Lil\u02BC Wayne", "Lil\u200B Wayne", "LIL WAYNE"],
        ["Beyoncé", "Beyonce", "BEYONCÉ", "Beyonce\u0301"],
        ["Dr. Dre", "Dr Dre", "DR.DRE"],
        ["Kendrick Lamar", "kendrick lamar", "Kendrick\u00A0Lamar", "Ｋｅｎｄｒｉｃｋ Ｌａｍａｒ"],
        ["The Notorious B.I.G.", "the notorious big", "The Notorious B.I.G"],
        ["¥$", "¥ $"],
    ];

    public static readonly (string Artist, string Other)[] Apart =
    [
        ("Jay-Z", "Jay Rock"),
        ("Common", "Common Kings"),
        ("Nas", "Nasty C"),
        ("Kendrick Lamar", "Kendrick"),
        ("¥$", "$"),
    ];

    /// <summary>Each spelling with the first of its artist's, as test cases.</summary>
    public static IEnumerable<TestCaseData> SameArtistPairs() =>
        OneArtist.SelectMany(spellings => spellings.Skip(1).Select(other => new TestCaseData(spellings[0], other)));

    public static IEnumerable<TestCaseData> DifferentArtistPairs() =>
        Apart.Select(pair => new TestCaseData(pair.Artist, pair.Other));
}
