using Microsoft.Extensions.Options;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The LLM's circuit, over whole analysis calls (each already retried by the client's Polly pipeline): it opens
/// after <see cref="LlmOptions.CircuitBreakerFailures"/> failures in a row, stays open for
/// <c>CircuitBreakerBreakSeconds</c>, then half-opens: one call goes through, and its outcome closes or reopens it.
/// While it is open the embedded analyzer answers at once. Polly's breaker counts a failure ratio over a sampling
/// window, so a success a minute ago would keep it closed through a whole outage: failures in a row need this count.
/// </summary>
public sealed class LlmCircuit(IOptions<LlmOptions> options, TimeProvider time)
{
    public const string Closed = "closed";
    public const string Open = "open";
    public const string HalfOpen = "half-open";

    private readonly Lock _lock = new();
    private int _failuresInRow;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;

    public string State
    {
        get
        {
            lock (_lock)
            {
                return _openUntil is not { } until ? Closed : time.GetUtcNow() < until ? Open : HalfOpen;
            }
        }
    }

    /// <summary>Open, or half-open with its one trial call under way: no call may go out now.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _openUntil is { } until && (time.GetUtcNow() < until || _trialInFlight);
            }
        }
    }

    /// <summary>Whether a call may go out; a half-open circuit lets one through until its outcome is known.</summary>
    public bool TryEnter()
    {
        lock (_lock)
        {
            if (_openUntil is not { } until)
            {
                return true;
            }
            if (time.GetUtcNow() < until || _trialInFlight)
            {
                return false;
            }
            _trialInFlight = true;
            return true;
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _failuresInRow = 0;
            _openUntil = null;
            _trialInFlight = false;
        }
    }

    public void Failed()
    {
        lock (_lock)
        {
            _failuresInRow++;
            if (_trialInFlight || _failuresInRow >= options.Value.CircuitBreakerFailures)
            {
                _openUntil = time.GetUtcNow() + TimeSpan.FromSeconds(options.Value.CircuitBreakerBreakSeconds);
            }
            _trialInFlight = false;
        }
    }

    /// <summary>A call that ended without an outcome (the caller gave up) frees the half-open circuit's trial.</summary>
    public void Abandoned()
    {
        lock (_lock)
        {
            _trialInFlight = false;
        }
    }
}
