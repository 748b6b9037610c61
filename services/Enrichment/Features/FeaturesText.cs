using System.Globalization;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>What text the on-demand features endpoints accept; the HTTP API and gRPC share the rule.</summary>
public static class FeaturesText
{
    public const string Field = "text";
    public const int MaxLength = 100_000;

    /// <summary>Why a text that passed <see cref="Problem"/> still cannot be embedded.</summary>
    public const string NoLyricLines = "The text has no lyric lines (only headers, blank lines or punctuation); send the lyrics to embed.";

    /// <summary>Why the text cannot be analyzed, or null when it can.</summary>
    public static string? Problem(string? text) => text switch
    {
        null or "" => "The text is missing; send the lyrics to analyze.",
        { Length: > MaxLength } => string.Create(CultureInfo.InvariantCulture,
            $"The text has {text.Length:N0} characters; at most {MaxLength:N0} are accepted."),
        _ when string.IsNullOrWhiteSpace(text) => "The text is blank; send the lyrics to analyze.",
        // A NUL would end the text where eSpeak reads it, and an unpaired surrogate is no character: the rule stored lyrics follow.
        _ => StorableText.Check(Field, text, MaxLength, multiline: true)?.Message,
    };
}
