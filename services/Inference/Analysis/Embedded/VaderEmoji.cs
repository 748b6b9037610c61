using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// VADER's emoji translation: every emoji written as one code point becomes its Unicode name ("😂" → "face with tears of
/// joy"), whose words the lexicon then scores, as the reference does before it tokenises a sentence. The names are read
/// from Unicode's emoji-test.txt the way the reference's build_emoji_lexicon.py reads its copy; that copy is Unicode
/// 11's, ours is Debian's (Unicode 15), whose comments also give the version each emoji came in ("E0.6"), skipped here.
/// Like the reference, it looks at one code point at a time, so a sequence's parts translate one by one ("❤️" is "red
/// heart" and a variation selector).
/// </summary>
public sealed partial class VaderEmoji(IReadOnlyDictionary<int, string> names)
{
    public int Count => names.Count;

    public string Translate(string sentence)
    {
        if (Ascii.IsValid(sentence))
        {
            return sentence;
        }
        var translated = new StringBuilder(sentence.Length + 32);
        var previousSpace = true;
        foreach (var rune in sentence.EnumerateRunes())
        {
            if (names.TryGetValue(rune.Value, out var name))
            {
                if (!previousSpace)
                {
                    translated.Append(' ');
                }
                translated.Append(name);
                previousSpace = false;
            }
            else
            {
                translated.Append(rune.ToString());
                previousSpace = rune.Value == ' ';
            }
        }
        return translated.ToString();
    }

    public static VaderEmoji Load(string path) => Parse(File.ReadLines(path));

    /// <summary>Lines such as <c>1F602 ; fully-qualified # 😂 E0.6 face with tears of joy</c>; a later line wins.</summary>
    public static VaderEmoji Parse(IEnumerable<string> emojiTestLines)
    {
        var names = new Dictionary<int, string>();
        foreach (var line in emojiTestLines)
        {
            var hash = line.IndexOf('#');
            if (hash <= 0)
            {
                continue;
            }
            var comment = line[(hash + 1)..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (comment.Length < 2 || Rune.DecodeFromUtf16(comment[0], out var emoji, out var used) != OperationStatus.Done || used != comment[0].Length)
            {
                continue;
            }
            var nameStart = EmojiVersion().IsMatch(comment[1]) ? 2 : 1;
            if (nameStart < comment.Length)
            {
                names[emoji.Value] = string.Join(' ', comment[nameStart..]);
            }
        }
        return new VaderEmoji(names);
    }

    [GeneratedRegex(@"^E\d+\.\d+$")]
    private static partial Regex EmojiVersion();
}
