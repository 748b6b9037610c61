using System.Globalization;
using System.Text;

namespace RapAnalyzer.Scraper.Genius;

public static class ArtistName
{
    /// <summary>
    /// The name folded for matching a search hit: case and spaces ignored, and the zero-width characters that
    /// turn up in Genius names dropped, so "kendrick  lamar" finds "Kendrick Lamar".
    /// </summary>
    public static string Fold(string name)
    {
        var folded = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }
        return folded.ToString();
    }

    public static bool Matches(string name, string other) => Fold(name) == Fold(other);
}
