using StackExchange.Redis;

namespace RapAnalyzer.Scraper.Dedup;

/// <summary>
/// What the scraper has published, in Redis, so a song is never ingested twice and new lyrics of a known song are told from
/// a new song: the content hashes of the lyrics published (a set) and, per source id, the hash last published under it
/// (a hash). While Redis is unreachable it keeps working in memory (and says so through <see cref="IsDegraded"/>); what
/// it recorded meanwhile is written to Redis once it is back.
/// </summary>
public sealed class IngestedSongs(IConnectionMultiplexer redis, ScraperMetrics metrics, ILogger<IngestedSongs> logger)
{
    public const string Key = "scraper:ingested-songs";
    public const string SourcesKey = "scraper:ingested-sources";

    // Forgets the source id only if no later version replaced the lyrics the catalog failed on.
    private const string ReleaseScript =
        """
        redis.call('SREM', KEYS[1], ARGV[1])
        if redis.call('HGET', KEYS[2], ARGV[2]) == ARGV[1] then redis.call('HDEL', KEYS[2], ARGV[2]) end
        """;

    private readonly HashSet<string> _fallbackHashes = [];
    private readonly Dictionary<string, string> _fallbackSources = [];
    private readonly HashSet<string> _fallbackReplaced = [];
    private readonly Lock _gate = new();

    public bool IsDegraded { get; private set; }

    public async Task<IngestDecision[]> ClassifyAsync(IReadOnlyList<IngestCandidate> candidates)
    {
        var (ingested, sourceHashes) = await LookUpAsync(candidates);
        var decisions = candidates.Select((candidate, i) =>
            ingested[i] ? new IngestDecision(IngestKind.Duplicate)
            : sourceHashes[i] is { } previous && previous != candidate.ContentHash ? new IngestDecision(IngestKind.Update, previous)
            : new IngestDecision(IngestKind.New)).ToArray();
        var hits = ingested.Count(known => known);
        metrics.DedupLookedUp(hits, ingested.Length - hits);
        return decisions;
    }

    private async Task<(bool[] Ingested, string?[] SourceHashes)> LookUpAsync(IReadOnlyList<IngestCandidate> candidates)
    {
        // While the multiplexer reconnects a command would wait for its timeout; the fallback answers at once.
        if (redis.IsConnected)
        {
            try
            {
                var database = redis.GetDatabase();
                var hashes = database.SetContainsAsync(Key, [.. candidates.Select(c => (RedisValue)c.ContentHash)]);
                var sources = database.HashGetAsync(SourcesKey, [.. candidates.Select(c => (RedisValue)c.SourceKey)]);
                await Task.WhenAll(hashes, sources);
                await RecoverAsync();
                lock (_gate)
                {
                    return ([.. candidates.Select((c, i) => hashes.Result[i] || _fallbackHashes.Contains(c.ContentHash))],
                        [.. candidates.Select((c, i) => _fallbackSources.GetValueOrDefault(c.SourceKey) ?? (string?)sources.Result[i])]);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Degrade(e);
            }
        }
        else
        {
            Degrade(null);
        }
        lock (_gate)
        {
            return ([.. candidates.Select(c => _fallbackHashes.Contains(c.ContentHash))],
                [.. candidates.Select(c => _fallbackSources.GetValueOrDefault(c.SourceKey))]);
        }
    }

    /// <summary>Records published candidates as ingested; an update's replaced lyrics no longer count as ingested.</summary>
    public async Task RecordAsync(IReadOnlyList<(IngestCandidate Candidate, string? ReplacedHash)> published)
    {
        if (published.Count == 0)
        {
            return;
        }
        var replaced = published.Where(p => p.ReplacedHash is not null).Select(p => p.ReplacedHash!).ToList();
        if (redis.IsConnected)
        {
            try
            {
                await WriteAsync(redis.GetDatabase(), [.. published.Select(p => p.Candidate.ContentHash)],
                    [.. published.Select(p => new HashEntry(p.Candidate.SourceKey, p.Candidate.ContentHash))], replaced);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Degrade(e);
            }
        }
        else
        {
            Degrade(null);
        }
        lock (_gate)
        {
            _fallbackHashes.ExceptWith(replaced);
            _fallbackReplaced.UnionWith(replaced);
            foreach (var (candidate, _) in published)
            {
                _fallbackHashes.Add(candidate.ContentHash);
                _fallbackReplaced.Remove(candidate.ContentHash);
                _fallbackSources[candidate.SourceKey] = candidate.ContentHash;
            }
        }
    }

    /// <summary>
    /// The catalog could not store the candidate: its lyrics no longer count as ingested, so importing them again publishes
    /// them. Unlike the lookups this needs Redis, and throws without it, so the fault's consumer retries later.
    /// </summary>
    public async Task ReleaseAsync(IngestCandidate candidate)
    {
        lock (_gate)
        {
            _fallbackHashes.Remove(candidate.ContentHash);
            if (_fallbackSources.GetValueOrDefault(candidate.SourceKey) == candidate.ContentHash)
            {
                _fallbackSources.Remove(candidate.SourceKey);
            }
        }
        if (!redis.IsConnected)
        {
            throw new RedisException("Redis is unreachable, so the song cannot be released yet.");
        }
        await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [Key, SourcesKey], [candidate.ContentHash, candidate.SourceKey]);
    }

    private static async Task WriteAsync(IDatabase database, RedisValue[] hashes, HashEntry[] sources, IReadOnlyCollection<string> replaced)
    {
        // In this order, so lyrics that came back under another id stay ingested.
        var batch = database.CreateBatch();
        var writes = new List<Task>();
        if (replaced.Count > 0)
        {
            writes.Add(batch.SetRemoveAsync(Key, [.. replaced.Select(h => (RedisValue)h)]));
        }
        if (hashes.Length > 0)
        {
            writes.Add(batch.SetAddAsync(Key, hashes));
        }
        if (sources.Length > 0)
        {
            writes.Add(batch.HashSetAsync(SourcesKey, sources));
        }
        batch.Execute();
        await Task.WhenAll(writes);
    }

    private void Degrade(Exception? e)
    {
        if (!IsDegraded)
        {
            logger.LogWarning(e, "Redis is unreachable; deduplicating in memory until it is back");
        }
        IsDegraded = true;
    }

    private async Task RecoverAsync()
    {
        string[] hashes;
        HashEntry[] sources;
        string[] replaced;
        lock (_gate)
        {
            if (!IsDegraded)
            {
                return;
            }
            hashes = [.. _fallbackHashes];
            sources = [.. _fallbackSources.Select(s => new HashEntry(s.Key, s.Value))];
            replaced = [.. _fallbackReplaced];
        }
        await WriteAsync(redis.GetDatabase(), [.. hashes.Select(h => (RedisValue)h)], sources, replaced);
        lock (_gate)
        {
            _fallbackHashes.ExceptWith(hashes);
            _fallbackReplaced.ExceptWith(replaced);
            foreach (var source in sources)
            {
                if (_fallbackSources.GetValueOrDefault(source.Name!) == source.Value)
                {
                    _fallbackSources.Remove(source.Name!);
                }
            }
            IsDegraded = _fallbackHashes.Count > 0 || _fallbackSources.Count > 0 || _fallbackReplaced.Count > 0;
        }
        logger.LogInformation("Redis is back; {Count} hashes seen meanwhile were written to it", hashes.Length);
    }
}
