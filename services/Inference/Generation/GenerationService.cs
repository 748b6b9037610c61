using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// Answers a generation request: with the LLM when one is configured, else, or when it fails in any way, with the
/// embedded generator, and the answer then says the LLM failed and why.
/// </summary>
public sealed class GenerationService(LineIndex index, GenerationModel model, EmbeddedLyricsGenerator embedded, LlmLyricsWriter writer,
    IServiceProvider services, IOptions<LlmOptions> llm, LlmBudget budget, LlmCircuit circuit, ILogger<GenerationService> logger)
{
    public async Task<GenerationOutcome> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        string? artist = null;
        if (!string.IsNullOrWhiteSpace(request.Artist))
        {
            artist = index.Artist(request.Artist);
            if (artist is null)
            {
                return new GenerationOutcome.UnknownArtist($"No lines of artist '{request.Artist}' are indexed.");
            }
        }
        string? llmFailure = null;
        if (llm.Value.IsConfigured && services.GetService<IChatClient>() is { } chat)
        {
            // The same circuit and requests-per-minute budget as the analyses: a request waits for neither.
            if (circuit.IsOpen)
            {
                llmFailure = "its circuit is open after repeated failures";
            }
            else if (!await budget.TryTakeAsync())
            {
                llmFailure = $"its budget of {budget.Limit} requests a minute is spent";
            }
            else if (!circuit.TryEnter())
            {
                llmFailure = "its circuit is half-open with a trial call out";
            }
            else
            {
                try
                {
                    var written = await writer.WriteAsync(chat, request, artist, cancellationToken);
                    circuit.Succeeded();
                    return new GenerationOutcome.Generated(written);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested)
                {
                    circuit.Failed();
                    logger.LogWarning("The LLM did not write the lyrics ({Problem}); the embedded generator answers.", e.Message);
                    llmFailure = e is OperationCanceledException ? $"no answer within {llm.Value.TimeoutSeconds} s" : e.Message;
                }
                catch (OperationCanceledException)
                {
                    circuit.Abandoned();
                    throw;
                }
            }
        }
        if (model.Ranker is not { } ranker)
        {
            var why = model.Build is null
                ? "The line index is still being built from the catalog."
                : $"The corpus is too small to train the next-line ranker yet: {index.Lines} lines in {index.Verses} verses, "
                  + $"at least {RankerTraining.MinimumQueries} verses of two lines or more needed.";
            return new GenerationOutcome.NotReady(llmFailure is null ? why : $"The LLM failed ({llmFailure}). {why}");
        }
        var lyrics = embedded.Generate(request, artist, ranker);
        return new GenerationOutcome.Generated(llmFailure is null
            ? lyrics
            : lyrics with { Degraded = true, DegradedReason = $"The LLM failed ({llmFailure}); the embedded generator answered." });
    }
}

public abstract record GenerationOutcome
{
    public sealed record Generated(GeneratedLyrics Lyrics) : GenerationOutcome;

    public sealed record UnknownArtist(string Problem) : GenerationOutcome;

    public sealed record NotReady(string Problem) : GenerationOutcome;
}
