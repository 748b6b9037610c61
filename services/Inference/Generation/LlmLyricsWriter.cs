using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Generation;

/// <summary>Lyrics written by the configured chat model, described (rhymes, density) by the rhyme module as the embedded generator's are.</summary>
public sealed class LlmLyricsWriter(LineIndex index, LinePhonetics phonetics, IOptions<LlmOptions> options)
{
    public const string Name = "llm";

    public async Task<GeneratedLyrics> WriteAsync(IChatClient chat, GenerationRequest request, string? artist, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var seed = request.EffectiveSeed;
        var style = artist is null ? null : ArtistStyle.Of(index, artist, new Random(seed));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var response = await chat.GetResponseAsync(LyricsPrompt.For(request, style),
            new ChatOptions { ModelId = settings.Model, Seed = seed, Temperature = 0.9f, ResponseFormat = ChatResponseFormat.Json }, timeout.Token);
        var lines = LlmLines.Parse(response.Text, request.LineCount);
        return LyricsDescription.Of([.. lines.Select(line => (line, (string?)null))], request.Scheme, phonetics, Name,
            $"{settings.Model} ({LyricsPrompt.Version})", seed);
    }
}
