using RapAnalyzer.Contracts;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// The text features of one song's lyrics. <see cref="EndRhymeScheme"/> is each section's scheme (letters restart
/// per section), separated by spaces; <see cref="WordsOutOfDictionary"/> counts the words read from their spelling.
/// </summary>
public sealed record LyricsFeatures(
    int Lines,
    int Sections,
    int Words,
    int UniqueWords,
    double TypeTokenRatio,
    int Syllables,
    double SyllablesPerLine,
    double SyllablesPerLineVariance,
    double RhymeDensity,
    string EndRhymeScheme,
    int MultisyllableRhymes,
    double Readability,
    int WordsOutOfDictionary,
    IReadOnlyList<SectionFeatures> PerSection)
{
    public TrackFeatures ToTrackFeatures() => new(
        Lines,
        Sections,
        Words,
        UniqueWords,
        TypeTokenRatio,
        Syllables,
        SyllablesPerLine,
        SyllablesPerLineVariance,
        RhymeDensity,
        EndRhymeScheme,
        MultisyllableRhymes,
        Readability);
}
