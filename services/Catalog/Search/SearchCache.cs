using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RapAnalyzer.ServiceDefaults.Caching;
using StackExchange.Redis;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Search's Redis caches. Query embeddings are kept long, keyed by model and normalised query: a model version's
/// vectors never change. Answers are kept briefly under a generation number that every stored or changed track
/// raises, so a change makes every older answer unreachable at once, with no key scan and no race with a search in
/// flight. Redis away makes search slower, never failing: each call gives up, the answer is computed, and health says Degraded.
/// </summary>
public sealed class SearchCache(IConnectionMultiplexer redis, IOptions<SearchOptions> options, ILogger<SearchCache> logger)
{
    private const string Prefix = "ra:catalog:search:v1:";
    public const string GenerationKey = Prefix + "generation";
    private static readonly TimeSpan EmbeddingLifetime = TimeSpan.FromDays(14);

    public async Task<float[]?> EmbeddingAsync(string modelId, string query)
    {
        var value = await TryAsync(db => CountedGetAsync(db, SharedCache.SearchQueryEmbeddings, EmbeddingKey(modelId, query)));
        return value is { HasValue: true } ? MemoryMarshal.Cast<byte, float>((byte[])value.Value!).ToArray() : null;
    }

    public Task KeepEmbeddingAsync(string modelId, string query, float[] vector) =>
        TryAsync(db => db.StringSetAsync(EmbeddingKey(modelId, query), MemoryMarshal.AsBytes(vector.AsSpan()).ToArray(), EmbeddingLifetime));

    /// <summary>
    /// The answer kept for <paramref name="request"/> (the canonical request, everything the answer depends on) under
    /// the current generation, or the one <paramref name="compute"/> makes, kept when <paramref name="keep"/> allows.
    /// The generation is read before computing, so an answer computed across a change is kept under the older one,
    /// where no later lookup finds it.
    /// </summary>
    public async Task<SearchAnswer?> AnswerAsync(string request, Stopwatch took, Func<Task<SearchAnswer?>> compute, Func<SearchAnswer, bool> keep)
    {
        var generation = await GenerationAsync();
        if (generation is { } current
            && await TryAsync(db => CountedGetAsync(db, SharedCache.SearchAnswers, AnswerKey(current, request))) is { HasValue: true } value)
        {
            return JsonSerializer.Deserialize<SearchAnswer>((string)value!, JsonSerializerOptions.Web)! with { TookMs = took.Elapsed.TotalMilliseconds };
        }
        var answer = await compute();
        if (generation is { } at && answer is not null && keep(answer))
        {
            await TryAsync(db => db.StringSetAsync(AnswerKey(at, request), JsonSerializer.Serialize(answer, JsonSerializerOptions.Web),
                options.Value.AnswerLifetime));
        }
        return answer;
    }

    /// <summary>The current generation (0 when Redis lost it: the answers went with it), or null when Redis is away.</summary>
    private async Task<long?> GenerationAsync()
    {
        var value = await TryAsync(db => db.StringGetAsync(GenerationKey));
        return value is null ? null : value.Value.HasValue ? (long)value.Value : 0;
    }

    /// <summary>Called after a change is committed, so no search can cache the state before it under the new generation.</summary>
    public Task TracksChangedAsync() => TryAsync(db => db.StringIncrementAsync(GenerationKey));

    private static async Task<RedisValue> CountedGetAsync(IDatabase db, SharedCache cache, string key)
    {
        var value = await db.StringGetAsync(key);
        cache.Count(db, value.HasValue);
        return value;
    }

    private static string EmbeddingKey(string modelId, string query) => $"{SharedCache.SearchQueryEmbeddings.KeyPrefix}{modelId}:{Hash(QueryText.Normalise(query))}";

    private static string AnswerKey(long generation, string request) => $"{SharedCache.SearchAnswers.KeyPrefix}{generation}:{Hash(request)}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task<T?> TryAsync<T>(Func<IDatabase, Task<T>> call) where T : struct
    {
        // While the multiplexer reconnects, waiting for a command's timeout would make every search that much slower.
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            return await call(redis.GetDatabase());
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogWarning(e, "Search's Redis cache is unavailable; searching without it");
            return null;
        }
    }
}
