using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The LLM's circuit, over whole analysis calls (each already retried by the client's pipeline): it opens after
/// <see cref="LlmOptions.CircuitBreakerFailures"/> failures with no success among them, stays open for
/// <c>CircuitBreakerBreakSeconds</c>, then lets one call through (half-open). While it is open the embedded
/// analyzer answers at once.
/// </summary>
public sealed class LlmCircuit
{
    private readonly CircuitBreakerStateProvider _state = new();

    public LlmCircuit(IOptions<LlmOptions> options, TimeProvider time)
    {
        var llm = options.Value;
        Pipeline = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Every call of the window failed, and at least this many: the failures came in a row.
                FailureRatio = 1.0,
                MinimumThroughput = llm.CircuitBreakerFailures,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(60, llm.CircuitBreakerBreakSeconds)),
                BreakDuration = TimeSpan.FromSeconds(llm.CircuitBreakerBreakSeconds),
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException { CancellationToken.IsCancellationRequested: true }),
                StateProvider = _state,
            })
            .Build();
    }

    public ResiliencePipeline Pipeline { get; }

    public CircuitState State => _state.CircuitState;

    public bool IsOpen => State is CircuitState.Open or CircuitState.Isolated;
}
