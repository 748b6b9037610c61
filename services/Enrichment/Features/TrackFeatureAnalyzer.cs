using RapAnalyzer.Contracts;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>All text features of a song's lyrics; pure computation over the loaded dictionary, safe to share.</summary>
public sealed class TrackFeatureAnalyzer(WordPronouncer pronouncer)
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
        var lines = sections.SelectMany(section => section).ToList();
        var words = lyrics.Words.ToList();
        var uniqueWords = Vocabulary.UniqueWords(words);
        var syllablesPerLine = lines.Select(line => line.Syllables).ToList();
        var syllables = syllablesPerLine.Sum();
        var flow = SyllableFlow.Of(syllablesPerLine);
        var perSection = lyrics.Sections.Zip(sections, (section, pronounced) => new SectionFeatures(
                section.Kind,
                section.Header?.Label,
                section.Performers,
                pronounced.Count,
                pronounced.Sum(line => line.Words.Count),
                EndRhymeScheme.Of(pronounced.Select(line => line.LastWord))))
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
            RhymeDensity: RhymeDensity.Compute(lines),
            EndRhymeScheme: string.Join(' ', perSection.Select(section => section.EndRhymeScheme)),
            MultisyllableRhymes: sections.Sum(MultisyllableRhymes.Count),
            Readability: Readability.FleschReadingEase(lines.Count, words.Count, syllables));
        var wordsOutOfDictionary = lines.Sum(line => line.Words.Count(word => word.Source == PronunciationSource.Spelling));
        return new LyricsFeatures(track, wordsOutOfDictionary, perSection);
    }
}
