using System.Globalization;
using System.Text;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// Splits lyric text into words: lowercase letters and digits (any script), punctuation and symbols as separators,
/// an apostrophe kept inside a word ("don't", "y'all"), after a dropped g ("rappin'") and before a known elision
/// ("'cause", "'em").
/// </summary>
public static class WordTokenizer
{
    // A leading apostrophe is usually an opening quote; these words are the ones where it is part of the word.
    private static readonly HashSet<string> Elisions =
        ["'bout", "'cause", "'cos", "'cuz", "'em", "'fore", "'gain", "'kay", "'n", "'nuff", "'round", "'sup", "'til", "'tis", "'twas"];

    public static IReadOnlyList<string> Split(string text)
    {
        var words = new List<string>();
        var run = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (IsWordChar(c) || IsApostrophe(c))
            {
                run.Append(IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c));
            }
            else if (run.Length > 0)
            {
                AddWord(words, run.ToString());
                run.Clear();
            }
        }
        if (run.Length > 0)
        {
            AddWord(words, run.ToString());
        }
        return words;
    }

    private static void AddWord(List<string> words, string run)
    {
        var word = run.Trim('\'');
        if (word.Length == 0)
        {
            return;
        }
        if (run[0] == '\'' && Elisions.Contains("'" + word))
        {
            word = "'" + word;
        }
        if (run[^1] == '\'' && word.EndsWith("in", StringComparison.Ordinal))
        {
            word += "'";
        }
        words.Add(word);
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    // Genius and word processors write the apostrophe as U+2019 as often as U+0027.
    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC' or '\u2018';
}
