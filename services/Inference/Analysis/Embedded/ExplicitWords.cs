using System.Text.Json;

namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// The explicit-content word list of the npm package badwords-list@1.0.0 (MIT; eng/setup.sh installs it): its
/// lib/array.js is one <c>module.exports = [...]</c> of 450 English profanities and their leet spellings.
/// </summary>
public sealed class ExplicitWords(IReadOnlySet<string> words)
{
    private static readonly char[] Trim = ['.', ',', ';', ':', '!', '?', '"', '(', ')', '[', ']', '*', '…', '“', '”'];

    public int Count => words.Count;

    public static ExplicitWords Load(string path) => Parse(File.ReadAllText(path));

    public static ExplicitWords Parse(string moduleSource)
    {
        var start = moduleSource.IndexOf('[');
        var end = moduleSource.LastIndexOf(']');
        var list = JsonSerializer.Deserialize<string[]>(moduleSource[start..(end + 1)]) ?? [];
        return new ExplicitWords(list.Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Whether the lyrics are explicit and why: how many listed words they hold, and which (masked).</summary>
    public ExplicitContent Judge(string lyrics)
    {
        var found = lyrics.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Trim).ToLowerInvariant())
            .Where(words.Contains)
            .ToArray();
        if (found.Length == 0)
        {
            return new ExplicitContent(false, "No word of the explicit word list (badwords-list) occurs.");
        }
        var distinct = found.Distinct().Order(StringComparer.Ordinal).ToArray();
        var examples = string.Join(", ", distinct.Take(5).Select(Mask));
        return new ExplicitContent(true,
            $"{found.Length} occurrence{(found.Length == 1 ? "" : "s")} of {distinct.Length} word{(distinct.Length == 1 ? "" : "s")} of the explicit word list (badwords-list): {examples}.");
    }

    // The reason names the word without spelling it out.
    private static string Mask(string word) => word.Length <= 2 ? word[..1] + "*" : word[0] + new string('*', word.Length - 2) + word[^1];
}
