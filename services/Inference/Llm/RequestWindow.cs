namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// A sliding window of the last minute's requests kept in this process: the LLM budget's own while Redis, where the
/// service-wide window lives, cannot be reached.
/// </summary>
public sealed class RequestWindow
{
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(1);

    private readonly Queue<DateTimeOffset> _sent = new();

    /// <summary>Takes a slot at <paramref name="now"/> when <paramref name="take"/> and fewer than <paramref name="limit"/> are taken.</summary>
    public BudgetAnswer Ask(DateTimeOffset now, bool take, int limit)
    {
        lock (_sent)
        {
            while (_sent.TryPeek(out var oldest) && now - oldest >= Length)
            {
                _sent.Dequeue();
            }
            if (_sent.Count >= limit)
            {
                return new BudgetAnswer(false, 0, _sent.Peek() + Length - now);
            }
            if (take)
            {
                _sent.Enqueue(now);
            }
            return new BudgetAnswer(true, limit - _sent.Count, TimeSpan.Zero);
        }
    }
}

/// <summary>Whether a slot was free (and taken, when asked), how many are left, and how long until one frees when none is.</summary>
public sealed record BudgetAnswer(bool Free, int Left, TimeSpan Wait);
