using System.Text.RegularExpressions;

namespace RapAnalyzer.Testing.Search;

/// <summary>
/// A lyric line damaged the way memory damages it, seeded so every mode is asked the same queries: about 30% of the
/// words dropped (never below three), one word swapped for a synonym or a homophone-like spelling, two neighbours
/// swapped, and typed the way a user types (lower case, no punctuation).
/// </summary>
public static partial class HalfRememberedLine
{
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.Ordinal)
    {
        ["money"] = "cash", ["cash"] = "money", ["car"] = "whip", ["girl"] = "shorty", ["police"] = "cops", ["cops"] = "police",
        ["house"] = "crib", ["home"] = "crib", ["friend"] = "homie", ["friends"] = "homies", ["road"] = "street", ["street"] = "road",
        ["night"] = "evening", ["cold"] = "freezing", ["mother"] = "mama", ["father"] = "pops", ["gun"] = "strap", ["kids"] = "children",
        ["song"] = "tune", ["sing"] = "chant", ["big"] = "huge", ["small"] = "tiny", ["fast"] = "quick", ["scared"] = "afraid",
        ["stone"] = "rock", ["river"] = "stream", ["light"] = "glow", ["lights"] = "glow", ["dark"] = "black", ["found"] = "discovered",
    };

    private static readonly (string From, string To)[] Spellings =
    [
        ("ing", "in"), ("you", "u"), ("your", "ur"), ("for", "4"), ("to", "2"), ("night", "nite"), ("though", "tho"),
        ("because", "cuz"), ("are", "r"), ("ph", "f"), ("ck", "k"),
    ];

    public static IReadOnlyList<string> Words(string line) =>
        Word().Matches(line.ToLowerInvariant()).Select(m => m.Value.Replace("'", "", StringComparison.Ordinal)).Where(w => w.Length > 0).ToList();

    public static string Damage(string line, Random random)
    {
        var words = Words(line).ToList();
        var drop = Math.Min((int)Math.Round(0.3 * words.Count), Math.Max(0, words.Count - 3));
        for (var i = 0; i < drop; i++)
        {
            words.RemoveAt(random.Next(words.Count));
        }
        var swappable = Enumerable.Range(0, words.Count).Where(i => Synonyms.ContainsKey(words[i])).ToList();
        if (swappable.Count > 0)
        {
            var at = swappable[random.Next(swappable.Count)];
            words[at] = Synonyms[words[at]];
        }
        else
        {
            var spelt = Enumerable.Range(0, words.Count)
                .SelectMany(i => Spellings.Where(s => words[i] == s.From || (s.From.Length > 2 && words[i].Contains(s.From, StringComparison.Ordinal))).Select(s => (i, s)))
                .ToList();
            if (spelt.Count > 0)
            {
                var (at, (from, to)) = spelt[random.Next(spelt.Count)];
                words[at] = words[at] == from ? to : words[at].Replace(from, to, StringComparison.Ordinal);
            }
        }
        if (words.Count >= 2)
        {
            var at = random.Next(words.Count - 1);
            (words[at], words[at + 1]) = (words[at + 1], words[at]);
        }
        return string.Join(' ', words);
    }

    [GeneratedRegex(@"[\p{L}\p{N}']+")]
    private static partial Regex Word();
}
