using System.Text;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// The end-rhyme scheme of a block of lines: one letter a line, the same letter for lines whose last words rhyme
/// (the same <see cref="Pronunciation.RhymeTail"/>: last stressed vowel and all after it), letters in order of first
/// appearance: "AABB", "ABAB". After Z come a–z, then "*" for any further rhyme sound.
/// </summary>
public static class EndRhymeScheme
{
    public static string Of(IEnumerable<Pronunciation> lineEnds)
    {
        var letters = new Dictionary<string, char>(StringComparer.Ordinal);
        var scheme = new StringBuilder();
        foreach (var end in lineEnds)
        {
            if (!letters.TryGetValue(end.RhymeTail, out var letter))
            {
                letter = LetterFor(letters.Count);
                letters[end.RhymeTail] = letter;
            }
            scheme.Append(letter);
        }
        return scheme.ToString();
    }

    private static char LetterFor(int index) => index switch
    {
        < 26 => (char)('A' + index),
        < 52 => (char)('a' + index - 26),
        _ => '*',
    };
}
