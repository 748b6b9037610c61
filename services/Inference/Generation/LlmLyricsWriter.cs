using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Generation;

/// <summary>Lyrics written by the configured chat model, described (rhymes, density) by the rhyme module as the embedded generator's are.</summary>
public sealed class LlmLyricsWriter(LineIndex index, LinePhonetics phonetics, IOptions<LlmOptions> options, LlmJsonFormat format)
{
    public const string Name = "llm";

    public async Task<GeneratedLyrics> WriteAsync(IChatClient chat, GenerationRequest request, string? artist, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var seed = request.EffectiveSeed;
        var style = artist is null ? null : ArtistStyle.Of(index, artist, new Random(seed));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var lines = LlmLines.Parse(AnswerText.Of(await AskAsync(chat, LyricsPrompt.For(request, style), settings.Model, seed, timeout.Token)),
            request.LineCount);
        return LyricsDescription.Of([.. lines.Select(line => (line, (string?)null))], request.Scheme, phonetics, Name,
            $"{settings.Model} ({LyricsPrompt.Version})", seed);
    }

    // Asked again at once, the plainer way, when the server refuses how the JSON was asked for (see LlmJsonFormat).
    private async Task<ChatResponse> AskAsync(IChatClient chat, IEnumerable<ChatMessage> prompt, string model, int seed, CancellationToken cancellationToken)
    {
        while (true)
        {
            var mode = format.Mode;
            try
            {
                return await chat.GetResponseAsync(prompt, new ChatOptions
                {
                    ModelId = model,
                    Seed = seed,
                    Temperature = 0.9f,
                    ResponseFormat = LlmJsonFormat.ResponseFormat(mode, LlmLines.Schema, LlmLines.SchemaName),
                }, cancellationToken);
            }
            catch (Exception e) when (format.SteppedDown(e, mode))
            {
                // Refused only for the response format: asked again with the plainer one format now holds.
            }
        }
    }
}
