using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The LLM's requests-per-minute budget, one for the whole service: every replica takes its slots from a sliding
/// window of the last minute's requests in a Redis sorted set, pruned, counted and added to by one script, so the
/// provider's limit holds however many replicas run. While Redis cannot be reached each process keeps its own
/// window (<see cref="RequestWindow"/>): the budget then holds per replica, and the health says Degraded. An
/// interactive request takes a slot now or not at all (the embedded analyzer answers); the pipeline waits for one,
/// and only while the minute's requests are under <see cref="PipelineLimit"/>, so its backlog never takes them all.
/// </summary>
public sealed class LlmBudget(IOptions<LlmOptions> options, TimeProvider time, IConnectionMultiplexer? redis = null, ILogger<LlmBudget>? logger = null)
{
    // KEYS[1] the window; ARGV: now (ms), window (ms), limit, the member to add ("" only counts).
    // Returns {free, left, wait ms}.
    private const string AskScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local limit = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local count = redis.call('ZCARD', KEYS[1])
        if count >= limit then
          local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
          return {0, 0, math.max(0, tonumber(oldest[2]) + window - now)}
        end
        if ARGV[4] ~= '' then
          redis.call('ZADD', KEYS[1], now, ARGV[4])
          redis.call('PEXPIRE', KEYS[1], window)
          count = count + 1
        end
        return {1, limit - count, 0}
        """;

    private readonly RequestWindow _local = new();
    private readonly RedisKey _key = $"inference:llm-budget:{options.Value.Model}";

    public int Limit => options.Value.RequestsPerMinute;

    /// <summary>The requests a minute the pipeline may take: the limit less the share reserved for interactive requests.</summary>
    public int PipelineLimit => Limit - Limit * options.Value.InteractiveReservePercent / 100;

    /// <summary>Slots free in the current minute, across the service.</summary>
    public async Task<int> LeftAsync() => (await AskAsync(take: false, Limit)).Left;

    public async Task<bool> TryTakeAsync() => (await AskAsync(take: true, Limit)).Free;

    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        while (await AskAsync(take: true, PipelineLimit) is { Free: false } refused)
        {
            // Another replica may take the slot first: then this one asks again.
            var wait = refused.Wait > TimeSpan.Zero ? refused.Wait : TimeSpan.FromMilliseconds(10);
            await Task.Delay(wait, time, cancellationToken);
        }
    }

    private async Task<BudgetAnswer> AskAsync(bool take, int limit)
    {
        var now = time.GetUtcNow();
        if (redis is { IsConnected: true })
        {
            try
            {
                var reply = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(AskScript, [_key],
                    [now.ToUnixTimeMilliseconds(), (long)RequestWindow.Length.TotalMilliseconds, limit, take ? Guid.NewGuid().ToString("N") : ""]))!;
                return new BudgetAnswer((int)reply[0] == 1, (int)reply[1], TimeSpan.FromMilliseconds((long)reply[2]));
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger?.LogWarning(e, "The LLM budget's window in Redis is unreachable; this replica counts its own requests");
            }
        }
        return _local.Ask(now, take, limit);
    }
}
