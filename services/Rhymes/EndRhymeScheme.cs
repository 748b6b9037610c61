using System.Text;

namespace RapAnalyzer.Rhymes;

/// <summary>
/// The end-rhyme scheme of a block of lines: one letter a line, the same letter for lines whose last words end alike
/// (<see cref="LineRhyme.EndsAlike"/>), letters in order of first appearance: "AABB", "ABAB". A line with no vowel
/// to rhyme on gets a letter of its own. After Z come a–z, then "*" for any further rhyme sound.
/// </summary>
public static class EndRhymeScheme
{
    public static string Of(IEnumerable<PhoneticLine> lines)
    {
        var letters = new Dictionary<string, char>(StringComparer.Ordinal);
        var scheme = new StringBuilder();
        var sounds = 0;
        foreach (var line in lines)
        {
            if (line.LastWord is not { } end)
            {
                scheme.Append(LetterFor(sounds++));
                continue;
            }
            if (!letters.TryGetValue(end.RhymeTail, out var letter))
            {
                letter = LetterFor(sounds++);
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
