using System.Collections.Concurrent;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// Lines as the rhyme module hears them (eSpeak NG through <see cref="LyricsTranscriber"/>), remembered: ranking reads
/// the same candidate lines again and again. <see cref="EndKey"/> is what the line index files a line under: the
/// rhyme tail (<see cref="PhoneticWord.RhymeTail"/>) of its last word said alone, cached per word, so indexing the
/// corpus costs one transcription per distinct last word rather than one per line.
/// </summary>
public sealed class LinePhonetics(LyricsTranscriber transcriber)
{
    // Bounded so a long-running service does not keep every line it ever ranked.
    private const int MaxRemembered = 200_000;

    private readonly ConcurrentDictionary<string, PhoneticLine> _lines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _endKeys = new(StringComparer.Ordinal);

    public PhoneticLine Line(string text)
    {
        if (_lines.TryGetValue(text, out var line))
        {
            return line;
        }
        if (_lines.Count >= MaxRemembered)
        {
            _lines.Clear();
        }
        return _lines[text] = transcriber.Transcribe(text);
    }

    /// <summary>The rhyme tail of the line's last word ("" when it has no vowel to rhyme on).</summary>
    public string EndKey(string text)
    {
        var last = LastWord(text);
        return last.Length == 0 ? "" : _endKeys.GetOrAdd(last, word => transcriber.Transcribe(word).LastWord?.RhymeTail ?? "");
    }

    /// <summary>The line's last word as the rhyme module cleans it, lowercase ("" when none).</summary>
    public static string LastWord(string text)
    {
        var cleaned = RhymeText.Clean(text).TrimEnd('.', '?', '!', '\'', '’', ' ');
        var space = cleaned.LastIndexOf(' ');
        return (space < 0 ? cleaned : cleaned[(space + 1)..]).ToLowerInvariant();
    }
}
