using System.Text.Json.Serialization;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>
/// The text features of one song's lyrics: the pipeline's <see cref="TrackFeatures"/>, whose
/// <see cref="TrackFeatures.EndRhymeScheme"/> is each section's scheme (letters restart per section) separated by
/// spaces, and what only the features API shows: <see cref="WordsOutOfDictionary"/> counts the words read from their
/// spelling, <see cref="PerSection"/> each section's share. A TrackEnriched carries it as its TrackFeatures alone.
/// </summary>
public sealed record LyricsFeatures : TrackFeatures
{
    public LyricsFeatures(TrackFeatures track, int wordsOutOfDictionary, IReadOnlyList<SectionFeatures> perSection) : base(track)
    {
        WordsOutOfDictionary = wordsOutOfDictionary;
        PerSection = perSection;
    }

    // After the pipeline's features in the API's JSON (the serializer writes a derived type's own properties first).
    [JsonPropertyOrder(1)]
    public int WordsOutOfDictionary { get; init; }

    [JsonPropertyOrder(1)]
    public IReadOnlyList<SectionFeatures> PerSection { get; init; }
}
