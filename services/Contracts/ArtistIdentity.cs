using System.Globalization;
using System.Text;

namespace RapAnalyzer.Contracts;

/// <summary>
/// When two spellings name one artist: the same letters and digits, ignoring case, accents, spaces, punctuation and
/// symbols, so "Jay Z", "JAY-Z" and "JayZ" are one artist, as are "Lil' Wayne" and "Lil Wayne", "Beyoncé" and
/// "Beyonce", "Dr. Dre" and "Dr Dre", while "Jay Rock" and "Common Kings" are others. The scraper matches Genius
/// artists, the catalog keys artists and the enrichment credits sections by it; the catalog's migration
/// ArtistIdentityKey applies it in SQL.
/// </summary>
public static class ArtistIdentity
{
    public static string Key(string name)
    {
        var compatible = name.Normalize(NormalizationForm.FormKC);
        var key = Fold(compatible.Normalize(NormalizationForm.FormD), IsIdentifying);
        // A name of symbols only ("¥$", "!!!") has no letters to compare; its symbols are all it has.
        return key.Length > 0 ? key : Fold(compatible, rune => !Rune.IsWhiteSpace(rune));
    }

    public static bool Same(string name, string other) => Key(name) == Key(other);

    // Keys are stored in a column as long as a name; compatibility forms can make a key longer than its name.
    private static string Fold(string text, Func<Rune, bool> keep)
    {
        var key = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes().Where(keep).Take(TrackLimits.MaxArtistLength))
        {
            key.Append(Rune.ToLowerInvariant(rune).ToString());
        }
        return key.ToString();
    }

    // The modifier-letter apostrophes are letters to Unicode but apostrophes in names; a spacing mark is no accent but
    // a vowel of an Indic name.
    private static bool IsIdentifying(Rune rune) =>
        (Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.SpacingCombiningMark) && rune.Value is not (0x02BB or 0x02BC);
}
