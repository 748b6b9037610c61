using Microsoft.Extensions.Options;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The requests-per-minute budget of the LLM, one for the whole service process: a sliding window of the last
/// minute's requests. An interactive request takes a slot now or not at all (the embedded analyzer answers); the
/// pipeline waits for one.
/// </summary>
public sealed class LlmBudget(IOptions<LlmOptions> options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _sent = new();

    public int Limit => options.Value.RequestsPerMinute;

    /// <summary>Slots free in the current minute.</summary>
    public int Left
    {
        get
        {
            lock (_sent)
            {
                Prune(time.GetUtcNow());
                return Math.Max(0, Limit - _sent.Count);
            }
        }
    }

    public bool TryTake()
    {
        lock (_sent)
        {
            var now = time.GetUtcNow();
            Prune(now);
            if (_sent.Count >= Limit)
            {
                return false;
            }
            _sent.Enqueue(now);
            return true;
        }
    }

    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (!TryTake())
        {
            TimeSpan wait;
            lock (_sent)
            {
                wait = _sent.TryPeek(out var oldest) ? oldest + Window - time.GetUtcNow() : TimeSpan.Zero;
            }
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(10), time, cancellationToken);
        }
    }

    private void Prune(DateTimeOffset now)
    {
        while (_sent.TryPeek(out var oldest) && now - oldest >= Window)
        {
            _sent.Dequeue();
        }
    }
}
