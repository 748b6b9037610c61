using System.Text.Json.Serialization;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>The part of a song a Genius-style header (<c>[Verse 1: X]</c>, <c>[Chorus]</c>) names.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SectionKind>))]
public enum SectionKind
{
    /// <summary>Lines with no header above them.</summary>
    Unlabeled,
    Intro,
    Verse,
    PreChorus,
    Chorus,
    PostChorus,
    Hook,
    Refrain,
    Bridge,
    Interlude,
    Breakdown,
    Skit,
    Outro,
    /// <summary>A header that names none of the above ("[Part II]", "[Produced by X]").</summary>
    Other,
}
