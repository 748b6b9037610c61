using System.Text;
using System.Text.RegularExpressions;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// A query as text search and the caches see it: its words as Postgres' <c>simple</c> configuration splits them
/// (runs of letters and digits, lower case), and the tsquery that finds any of them, the last word as a prefix because
/// a user often stops typing mid-word.
/// </summary>
public static partial class QueryText
{
    // Words so common that an OR over them matches nearly every song: they stay in the phrase and all-words
    // matches, which reward them, but do not widen the candidate set.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "the", "i", "me", "my", "you", "your", "u", "it", "is", "im", "m", "s", "t", "to", "of", "in",
        "on", "at", "we", "he", "she", "they", "that", "this", "be", "am", "are", "was", "do", "don", "for", "with", "so",
        "but", "or", "ll", "re", "ve", "d", "all", "like", "just", "up", "get", "got",
    };

    public static IReadOnlyList<string> Words(string query) =>
        WordPattern().Matches(query.Normalize(NormalizationForm.FormKC)).Select(m => m.Value.ToLowerInvariant()).ToList();

    /// <summary>The query as the caches key it: NFKC, lower case, one space between words.</summary>
    public static string Normalise(string query) =>
        WhiteSpace().Replace(query.Normalize(NormalizationForm.FormKC).Trim().ToLowerInvariant(), " ");

    /// <summary>A tsquery finding tracks with any of the query's uncommon words, or null when it has no words.</summary>
    public static string? AnyWord(string query)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return null;
        }
        var last = words[^1];
        var distinctive = words.Take(words.Count - 1).Where(w => !Common.Contains(w)).Distinct().Where(w => w != last).ToList();
        // Words hold letters and digits only, so quoting them is all tsquery needs.
        var terms = distinctive.Select(w => $"'{w}'").ToList();
        if (!Common.Contains(last) || terms.Count == 0)
        {
            terms.Add(last.Length >= 3 ? $"'{last}':*" : $"'{last}'");
        }
        return string.Join(" | ", terms);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
