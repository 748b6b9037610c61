namespace RapAnalyzer.Rhymes;

/// <summary>
/// A lyric line as rhymes are heard in it: <see cref="Text"/> is the line cleaned as Malmi's code cleans it
/// (<see cref="RhymeText"/>), <see cref="Words"/> eSpeak's phonetic words of it that have a vowel.
/// </summary>
public sealed record PhoneticLine(string Text, IReadOnlyList<PhoneticWord> Words)
{
    // eSpeak 1.48 spoke "exclamation" for a "!" before the line's end; Malmi's code deletes the word.
    private const string SpokenExclamation = "_:'Ekskl@m,eIS@n_:";

    public PhoneticWord? LastWord => Words.Count == 0 ? null : Words[^1];

    /// <summary>The line of a transcription by eSpeak (<see cref="PhoneticTranscriber"/>).</summary>
    public static PhoneticLine Parse(string text, string transcription) => new(
        text,
        [.. transcription.Replace(SpokenExclamation, "", StringComparison.Ordinal)
            .Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(PhoneticWord.Parse)
            .OfType<PhoneticWord>()]);
}
