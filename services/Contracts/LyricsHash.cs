using System.Security.Cryptography;
using System.Text;

namespace RapAnalyzer.Contracts;

/// <summary>
/// The content hash that makes a track unique: lyrics with case, punctuation and whitespace folded,
/// so the same song from two sources (or re-scraped with different spacing) is stored once.
/// </summary>
public static class LyricsHash
{
    public static string Compute(string lyrics)
    {
        var folded = new StringBuilder(lyrics.Length);
        var pendingSpace = false;
        foreach (var c in lyrics.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && folded.Length > 0)
                {
                    folded.Append(' ');
                }
                folded.Append(char.ToLowerInvariant(c));
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
            }
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded.ToString())));
    }
}
