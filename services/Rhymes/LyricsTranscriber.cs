namespace RapAnalyzer.Rhymes;

/// <summary>
/// Lyric lines as <see cref="PhoneticLine"/>s: each cleaned (<see cref="RhymeText"/>), ended with "." as Malmi's code
/// ends every line so that eSpeak reads it as a clause of its own, and transcribed; a line sung again (a chorus) is
/// transcribed once.
/// </summary>
public sealed class LyricsTranscriber(PhoneticTranscriber transcriber)
{
    public IReadOnlyList<PhoneticLine> Transcribe(IEnumerable<string> lines)
    {
        var known = new Dictionary<string, PhoneticLine>(StringComparer.Ordinal);
        return [.. lines.Select(RhymeText.Clean).Select(text =>
            known.TryGetValue(text, out var line) ? line : known[text] = PhoneticLine.Parse(text, transcriber.Transcribe(text + ".")))];
    }

    public PhoneticLine Transcribe(string line) => Transcribe([line])[0];
}
