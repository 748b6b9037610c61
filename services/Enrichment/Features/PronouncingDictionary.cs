using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// The CMU Pronouncing Dictionary: lowercase word → ARPAbet phonemes of its first pronunciation.
/// Loaded from the npm package's <c>index.js</c>, one <c>"word": "AH0 B AH1 V",</c> entry a line.
/// </summary>
public sealed class PronouncingDictionary
{
    private readonly Dictionary<string, string[]> entries;

    private PronouncingDictionary(Dictionary<string, string[]> entries) => this.entries = entries;

    /// <summary>Words with a pronunciation (alternates such as <c>"a(2)"</c> are not counted).</summary>
    public int Count => entries.Count;

    public bool Contains(string word) => entries.ContainsKey(word);

    public bool TryGetPhonemes(string word, [NotNullWhen(true)] out IReadOnlyList<string>? phonemes)
    {
        if (entries.TryGetValue(word, out var found))
        {
            phonemes = found;
            return true;
        }
        phonemes = null;
        return false;
    }

    public static PronouncingDictionary Load(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>
    /// A line scanner over the UTF-8 text, not a JavaScript parser: a line that holds a quoted key, a colon and a
    /// quoted value is an entry, anything else (the <c>export const</c> line, braces, comments) is skipped.
    /// </summary>
    public static PronouncingDictionary Parse(ReadOnlySpan<byte> utf8)
    {
        var entries = new Dictionary<string, string[]>(capacity: 130_000);
        // ~70 distinct symbols: each is allocated once and shared by every entry.
        var symbols = new Dictionary<string, string>().GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> symbol = stackalloc char[8];
        var phonemes = new List<string>(capacity: 24);

        while (!utf8.IsEmpty)
        {
            var end = utf8.IndexOf((byte)'\n');
            var line = end < 0 ? utf8 : utf8[..end];
            utf8 = end < 0 ? [] : utf8[(end + 1)..];

            if (!TrySplitEntry(line, out var key, out var value) || key.IndexOf((byte)'(') >= 0)
            {
                continue; // "word(2)" is an alternate pronunciation; the first one is the word's own entry.
            }
            var comment = value.IndexOf((byte)'#'); // "AE1 L B ER0 G # place, dutch"
            if (comment >= 0)
            {
                value = value[..comment];
            }

            phonemes.Clear();
            foreach (var range in value.Split((byte)' '))
            {
                var token = value[range];
                if (token.IsEmpty || token.Length > symbol.Length)
                {
                    continue;
                }
                var chars = symbol[..Encoding.ASCII.GetChars(token, symbol)];
                if (!symbols.TryGetValue(chars, out var interned))
                {
                    interned = chars.ToString();
                    symbols[chars] = interned;
                }
                phonemes.Add(interned);
            }
            if (phonemes.Count > 0)
            {
                entries.TryAdd(Encoding.UTF8.GetString(key), [.. phonemes]);
            }
        }

        if (entries.Count == 0)
        {
            throw new InvalidDataException("The CMU Pronouncing Dictionary file holds no \"word\": \"PHONEMES\" entries.");
        }
        return new PronouncingDictionary(entries);
    }

    private static bool TrySplitEntry(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> key, out ReadOnlySpan<byte> value)
    {
        key = value = default;
        var keyStart = line.IndexOf((byte)'"') + 1;
        if (keyStart == 0)
        {
            return false;
        }
        var keyLength = line[keyStart..].IndexOf((byte)'"');
        if (keyLength <= 0)
        {
            return false;
        }
        key = line.Slice(keyStart, keyLength);

        var rest = line[(keyStart + keyLength + 1)..].TrimStart(" \t"u8);
        if (rest.IsEmpty || rest[0] != ':')
        {
            return false;
        }
        rest = rest[1..].TrimStart(" \t"u8);
        if (rest.IsEmpty || rest[0] != '"')
        {
            return false;
        }
        var valueLength = rest[1..].IndexOf((byte)'"');
        if (valueLength < 0)
        {
            return false;
        }
        value = rest.Slice(1, valueLength);
        return true;
    }
}
