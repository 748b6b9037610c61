using System.Globalization;
using Microsoft.Extensions.AI;

namespace RapAnalyzer.Inference.Generation;

/// <summary>The chat messages that ask an LLM for lyrics: the scheme spelled out, the artist's style and lines when one is named, JSON only.</summary>
public static class LyricsPrompt
{
    public const string Version = "generate-1";

    public static IReadOnlyList<ChatMessage> For(GenerationRequest request, ArtistStyle? style)
    {
        var scheme = request.Scheme switch
        {
            RhymeScheme.Aabb => "AABB: lines 1 and 2 end in the same rhyme, lines 3 and 4 in another, and so on",
            RhymeScheme.Abab => "ABAB: lines 1 and 3 end in the same rhyme, lines 2 and 4 in another, in each block of four",
            _ => "free: rhyme where it sounds good",
        };
        var system = "You write rap lyrics. Answer with one JSON object and nothing else: {\"lines\": [\"...\"]}. /no_think";
        var user = string.Create(CultureInfo.InvariantCulture,
            $"Write exactly {request.LineCount} lines of rap lyrics about: {request.Prompt}\nRhyme scheme {scheme}.");
        if (style is not null)
        {
            user += string.Create(CultureInfo.InvariantCulture, $"""

                Write in the style of {style.Artist}: about {style.WordsPerLine:F0} words a line; words they favour: {string.Join(", ", style.SignatureWords)}.
                Lines of theirs, for the voice (do not copy them):
                {string.Join("\n", style.ExampleLines)}
                """);
        }
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)];
    }
}
