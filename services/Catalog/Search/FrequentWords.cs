using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The words in more than <see cref="SearchOptions.FrequentWordShare"/> of the tracks, by Postgres' own statistics of
/// the search text (<c>pg_stats.most_common_elems</c>, which ANALYZE gathers and autovacuum keeps current): text
/// search leaves them out of its candidate tiers (<see cref="QueryText.Tiers"/>), where each would make the GIN index
/// visit most of the catalog, and still ranks by them. Read at most once per <see cref="Lifetime"/>; before the first
/// ANALYZE there are none.
/// </summary>
public sealed class FrequentWords(IOptions<SearchOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private Snapshot? _snapshot;

    public async Task<IReadOnlySet<string>> OfAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _snapshot) is { } snapshot && Stopwatch.GetElapsedTime(snapshot.Read) < Lifetime)
        {
            return snapshot.Words;
        }
        // Requests that find it stale at once may each read it: one small catalog query, and the last read wins.
        var words = await ReadAsync(connection, options.Value.FrequentWordShare, cancellationToken);
        Volatile.Write(ref _snapshot, new Snapshot(words, Stopwatch.GetTimestamp()));
        return words;
    }

    public static async Task<IReadOnlySet<string>> ReadAsync(NpgsqlConnection connection, double share, CancellationToken cancellationToken)
    {
        // most_common_elem_freqs ends with three statistics of its own (least, most, null share), which pair with no element.
        await using var command = new NpgsqlCommand("""
            SELECT e.word
            FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS e(word, share)
            WHERE s.schemaname = 'catalog' AND s.tablename = 'tracks' AND s.attname = 'SearchText'
              AND e.word IS NOT NULL AND e.share > @share
            """, connection);
        command.Parameters.AddWithValue("share", (float)share);
        var words = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            words.Add(reader.GetString(0));
        }
        return words;
    }

    private sealed record Snapshot(IReadOnlySet<string> Words, long Read);
}
