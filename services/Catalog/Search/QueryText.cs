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

    /// <summary>The most terms a tier counts: 8 make at most 70 combinations in one tier's tsquery.</summary>
    public const int MostTierTerms = 8;

    /// <summary>A tsquery finding tracks with any of the query's uncommon words, or null when it has no words.</summary>
    public static string? AnyWord(string query) => Terms(query, NoWords) is { Count: > 0 } terms ? string.Join(" | ", terms) : null;

    /// <summary>
    /// The candidate tiers of text search, strictest first: tracks holding all of the query's uncommon words, then all
    /// but one, and so on down to any one of them. Each tier is a tsquery and the number of terms a track in it holds.
    /// A query of more than <see cref="MostTierTerms"/> uncommon words is tiered by its longest (rarer) ones. Words in
    /// <paramref name="frequent"/> (<see cref="FrequentWords"/>: the catalog's own most frequent) are left out as the
    /// fixed common words are: a tier over one makes the index visit most of the catalog, for a word that tells little.
    /// </summary>
    public static IReadOnlyList<TextTier> Tiers(string query, IReadOnlySet<string> frequent)
    {
        var terms = Terms(query, frequent);
        if (terms.Count > MostTierTerms)
        {
            terms = terms.Select((term, at) => (term, at)).OrderByDescending(t => t.term.Length).ThenBy(t => t.at)
                .Take(MostTierTerms).OrderBy(t => t.at).Select(t => t.term).ToList();
        }
        var tiers = new List<TextTier>(terms.Count);
        for (var held = terms.Count; held >= 1; held--)
        {
            var groups = Combinations(terms, held).Select(group => group.Count == 1 ? group[0] : $"({string.Join(" & ", group)})");
            tiers.Add(new TextTier(held, string.Join(" | ", groups)));
        }
        return tiers;
    }

    private static readonly HashSet<string> NoWords = [];

    /// <summary>The query's uncommon words as tsquery terms, the last as a prefix when it is long enough.</summary>
    private static List<string> Terms(string query, IReadOnlySet<string> frequent)
    {
        var words = Words(query);
        if (words.Count == 0)
        {
            return [];
        }
        var last = words[^1];
        // A query of the catalog's frequent words only is tiered by them: together they still narrow the candidates.
        var leftOut = words.Any(word => IsUncommon(word, frequent)) ? frequent : NoWords;
        bool Uncommon(string word) => IsUncommon(word, leftOut);
        var distinctive = words.Take(words.Count - 1).Where(Uncommon).Distinct().Where(w => w != last).ToList();
        // Words hold letters and digits only, so quoting them is all tsquery needs.
        var terms = distinctive.Select(w => $"'{w}'").ToList();
        if (Uncommon(last) || terms.Count == 0)
        {
            terms.Add(last.Length >= 3 ? $"'{last}':*" : $"'{last}'");
        }
        return terms;
    }

    private static bool IsUncommon(string word, IReadOnlySet<string> frequent) => !Common.Contains(word) && !frequent.Contains(word);

    private static IEnumerable<List<string>> Combinations(List<string> terms, int size, int from = 0)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }
        for (var first = from; first <= terms.Count - size; first++)
        {
            foreach (var rest in Combinations(terms, size - 1, first + 1))
            {
                rest.Insert(0, terms[first]);
                yield return rest;
            }
        }
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
