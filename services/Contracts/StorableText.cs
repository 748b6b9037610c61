using System.Buffers;
using System.Globalization;

namespace RapAnalyzer.Contracts;

/// <summary>
/// Whether a text can be stored and read back as it was given: Postgres refuses NUL, a lone surrogate is no character
/// (UTF-8 cannot hold one), and any other control character is noise from a broken source (multiline text keeps its line
/// breaks and tabs). Its length is counted in characters as Postgres counts them, a surrogate pair (an emoji) as one.
/// </summary>
public static class StorableText
{
    // What needs a closer look: control characters and surrogates (line breaks and tabs aside in multiline text).
    private static readonly SearchValues<char> Suspects = SearchValues.Create(SuspectCharacters(""));
    private static readonly SearchValues<char> SuspectsInMultiline = SearchValues.Create(SuspectCharacters("\n\r\t"));

    private static string SuspectCharacters(string allowed) =>
        string.Concat(Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)
            .Where(c => (char.IsControl(c) || char.IsSurrogate(c)) && !allowed.Contains(c)));

    /// <summary>
    /// What is wrong with <paramref name="value"/> as <paramref name="field"/>; null when it can be stored. Blank is
    /// missing: white space, and invisible format characters (a zero-width space, a byte-order mark, a direction mark).
    /// </summary>
    public static Rejection? Check(string field, string? value, int maxLength, bool required = false, bool multiline = false)
    {
        if (IsBlank(value))
        {
            return required ? new Rejection(field, "is missing") : null;
        }
        // Nearly every text has nothing suspect: then its length in characters is its length, found without a loop.
        if (value.AsSpan().IndexOfAny(multiline ? SuspectsInMultiline : Suspects) < 0)
        {
            return Length(field, value.Length, maxLength);
        }
        var length = 0;
        for (var i = 0; i < value.Length; i++, length++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return new Rejection(field, Invariant($"holds an unpaired surrogate (U+{(int)c:X4}) at character {length + 1}"));
            }
            else if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return new Rejection(field, Invariant($"holds a control character (U+{(int)c:X4}) at character {length + 1}"));
            }
        }
        return Length(field, length, maxLength);
    }

    /// <summary>Whether the text shows nothing: no character but white space and format characters (Unicode's Cf).</summary>
    public static bool IsBlank([System.Diagnostics.CodeAnalysis.NotNullWhen(false)] string? value)
    {
        if (value is null)
        {
            return true;
        }
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                return false;
            }
        }
        return true;
    }

    private static Rejection? Length(string field, int length, int maxLength) =>
        length > maxLength ? new Rejection(field, Invariant($"is {length} characters long; at most {maxLength} are allowed")) : null;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
