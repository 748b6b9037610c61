using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// What the LLM gave: a judgement, or why not (and the embedded analyzer answers instead). <see cref="Retryable"/>:
/// the LLM could not be reached or was not asked (circuit, budget), so trying later may succeed; not after two invalid answers.
/// </summary>
public sealed record LlmOutcome(AnalysisJudgement? Judgement, TokenUsage Tokens, string? Failure, bool Retryable = true);

/// <summary>
/// An analysis by the LLM: within the budget and the circuit, the prompt with the measured features, the answer read
/// and checked; an invalid answer is asked again once with what was wrong, and a second invalid one is a failure.
/// </summary>
public sealed class LlmAnalyzer(IChatClient chat, IOptions<LlmOptions> options, LlmJsonFormat format, LlmBudget budget, LlmCircuit circuit,
    AnalysisStats stats, ILogger<LlmAnalyzer> logger)
{
    private const int Attempts = 2;
    private const int OutputTokens = 1024;
    private const int OutputTokensWhenCutOff = 4096;
    private readonly SemaphoreSlim _slots = new(options.Value.Concurrency);

    public string Model => options.Value.Model;

    /// <summary><paramref name="interactive"/>: a spent budget is a failure now; otherwise the call waits for the budget.</summary>
    public async Task<LlmOutcome> AnalyzeAsync(string lyrics, TrackFeatures? features, bool interactive, CancellationToken cancellationToken)
    {
        var llm = options.Value;
        var tokens = new TokenUsage(0, 0);
        IReadOnlyList<string>? errors = null;
        var outputTokens = OutputTokens;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (circuit.IsOpen)
            {
                return CircuitOpen(llm, tokens);
            }
            if (interactive ? !await budget.TryTakeAsync() : !await TakeAsync(cancellationToken))
            {
                return new(null, tokens, $"The LLM's budget of {llm.RequestsPerMinute} requests a minute is spent: the embedded analyzer answered.");
            }
            ChatResponse response;
            var mode = LlmJsonMode.JsonSchema;
            await _slots.WaitAsync(cancellationToken);
            try
            {
                if (!circuit.TryEnter())
                {
                    return CircuitOpen(llm, tokens);
                }
                // Read once the call may go: a request that waited for a slot sees a refusal found meanwhile.
                mode = format.Mode;
                var messages = AnalysisPrompt.Messages(lyrics, features, mode, llm.DisableThinking, errors);
                response = await chat.GetResponseAsync(messages, ChatOptions(llm, mode, outputTokens), cancellationToken);
                circuit.Succeeded();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                circuit.Abandoned();
                throw;
            }
            catch (Exception e) when (format.SteppedDown(e, mode))
            {
                // The server works and only refused how the JSON was asked for: no failure, and the attempt is not spent.
                circuit.Succeeded();
                attempt--;
                continue;
            }
            catch (Exception e)
            {
                circuit.Failed();
                logger.LogWarning(e, "The LLM analysis call failed");
                return new(null, tokens, $"The LLM {Describe(e)}: the embedded analyzer answered.");
            }
            finally
            {
                _slots.Release();
            }
            tokens = new TokenUsage(tokens.Input + (response.Usage?.InputTokenCount ?? 0), tokens.Output + (response.Usage?.OutputTokenCount ?? 0));
            var reading = LlmAnswer.Read(AnswerText.Of(response));
            stats.LlmAnswered(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0, reading.Judgement is not null);
            if (reading.Judgement is { } judgement)
            {
                return new(judgement, tokens, null);
            }
            errors = reading.Errors;
            if (response.FinishReason == ChatFinishReason.Length)
            {
                // A model that thinks at length (one that ignores /no_think) runs out before its answer: room to finish.
                errors = [$"the answer was cut off at {outputTokens} tokens", .. errors];
                outputTokens = OutputTokensWhenCutOff;
            }
            logger.LogInformation("The LLM's answer was no valid analysis (attempt {Attempt}): {Errors}", attempt + 1, string.Join("; ", errors));
        }
        return new(null, tokens, $"The LLM's answer was no valid analysis, twice ({string.Join("; ", errors!)}): the embedded analyzer answered.",
            Retryable: false);
    }

    private static LlmOutcome CircuitOpen(LlmOptions llm, TokenUsage tokens) =>
        new(null, tokens, $"The LLM's circuit is open (its last {llm.CircuitBreakerFailures} calls failed in a row): the embedded analyzer answered.");

    private async Task<bool> TakeAsync(CancellationToken cancellationToken)
    {
        await budget.TakeAsync(cancellationToken);
        return true;
    }

    private static ChatOptions ChatOptions(LlmOptions llm, LlmJsonMode mode, int outputTokens) => new()
    {
        ModelId = llm.Model,
        Temperature = 0,
        MaxOutputTokens = outputTokens,
        ResponseFormat = LlmJsonFormat.ResponseFormat(mode, AnalysisSchema.Schema, AnalysisSchema.Name),
    };

    // What the response may say of a failure: its kind and status, never the endpoint's address.
    private static string Describe(Exception e) => e switch
    {
        BrokenCircuitException => "client's circuit is open",
        TimeoutRejectedException => "gave no answer in time",
        ClientResultException { Status: > 0 } result => $"answered {result.Status}",
        HttpRequestException { StatusCode: { } status } => $"answered {(int)status}",
        HttpRequestException or ClientResultException => "could not be reached",
        _ => $"call failed ({e.GetType().Name})",
    };
}
