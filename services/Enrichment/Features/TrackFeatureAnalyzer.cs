using RapAnalyzer.Contracts;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// All text features of a song's lyrics: syllables and vocabulary from the CMU dictionary, rhymes from eSpeak NG's
/// transcription (<see cref="RapAnalyzer.Rhymes"/>), as Malmi's rhyme density hears them. Safe to share.
/// </summary>
public sealed class TrackFeatureAnalyzer(WordPronouncer pronouncer, LyricsTranscriber transcriber)
{
    public LyricsFeatures Analyze(string lyrics) => Analyze(Lyrics.Parse(lyrics));

    public LyricsFeatures Analyze(Lyrics lyrics)
    {
        // A chorus repeats its words: pronounce each distinct word once.
        var known = new Dictionary<string, Pronunciation>(StringComparer.Ordinal);
        Pronunciation Pronounce(string word) =>
            known.TryGetValue(word, out var pronunciation) ? pronunciation : known[word] = pronouncer.Pronounce(word);

        var sections = lyrics.Sections
            .Select(section => section.Lines.Select(line => new PronouncedLine(line, [.. line.Words.Select(Pronounce)])).ToList())
            .ToList();
        // Headers are no lyrics (Lyrics.Parse leaves them out), so they never reach the rhymes.
        var phonetic = transcriber.Transcribe(lyrics.Lines.Select(line => line.Text));
        var phoneticSections = new List<IReadOnlyList<PhoneticLine>>();
        var taken = 0;
        foreach (var section in lyrics.Sections)
        {
            phoneticSections.Add([.. phonetic.Skip(taken).Take(section.Lines.Count)]);
            taken += section.Lines.Count;
        }

        var lines = sections.SelectMany(section => section).ToList();
        var words = lyrics.Words.ToList();
        var uniqueWords = Vocabulary.UniqueWords(words);
        var syllablesPerLine = lines.Select(line => line.Syllables).ToList();
        var syllables = syllablesPerLine.Sum();
        var flow = SyllableFlow.Of(syllablesPerLine);
        var perSection = lyrics.Sections.Select((section, i) => new SectionFeatures(
                section.Kind,
                section.Header?.Label,
                section.Performers,
                section.Lines.Count,
                sections[i].Sum(line => line.Words.Count),
                EndRhymeScheme.Of(phoneticSections[i])))
            .ToList();

        var track = new TrackFeatures(
            Lines: lines.Count,
            Sections: sections.Count,
            Words: words.Count,
            UniqueWords: uniqueWords,
            TypeTokenRatio: Vocabulary.TypeTokenRatio(words.Count, uniqueWords),
            Syllables: syllables,
            SyllablesPerLine: flow.Mean,
            SyllablesPerLineVariance: flow.Variance,
            RhymeDensity: RhymeDensity.Compute(phonetic),
            EndRhymeScheme: string.Join(' ', perSection.Select(section => section.EndRhymeScheme)),
            MultisyllableRhymes: phoneticSections.Sum(MultisyllableRhymes.Count),
            Readability: Readability.FleschReadingEase(lines.Count, words.Count, syllables));
        var wordsOutOfDictionary = lines.Sum(line => line.Words.Count(word => word.Source == PronunciationSource.Spelling));
        return new LyricsFeatures(track, wordsOutOfDictionary, perSection);
    }
}
