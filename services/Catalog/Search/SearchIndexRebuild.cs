using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Rebuilds search's indexes (each model's HNSW index, then the text index) after a bulk load, when tracks stored one by
/// one have left the HNSW graphs built piecemeal: each is built again whole, with <see cref="SearchOptions.IndexBuildMemory"/>
/// of <c>maintenance_work_mem</c> (a graph that fits in it builds several times faster, pgvector's README says), and
/// concurrently, so tracks are stored and searched meanwhile (the <c>search-indexes</c> health entry says Degraded while
/// one builds). One rebuild at a time in a process; a second request reports the one running.
/// </summary>
public sealed class SearchIndexRebuild(IConfiguration configuration, IOptions<SearchOptions> options, IHostApplicationLifetime lifetime,
    ILogger<SearchIndexRebuild> logger)
{
    private readonly Lock _lock = new();
    private SearchIndexRebuildStatus _status = SearchIndexRebuildStatus.Idle;
    private Task _running = Task.CompletedTask;

    public SearchIndexRebuildStatus Status
    {
        get
        {
            lock (_lock)
            {
                return _status;
            }
        }
    }

    /// <summary>Starts a rebuild unless one is running; either way answers with the rebuild's status.</summary>
    public SearchIndexRebuildStatus Start()
    {
        lock (_lock)
        {
            if (!_running.IsCompleted)
            {
                return _status;
            }
            _status = new SearchIndexRebuildStatus(SearchIndexRebuildStatus.Running, DateTimeOffset.UtcNow, null, [], null);
            _running = Task.Run(RunAsync);
            return _status;
        }
    }

    private async Task RunAsync()
    {
        var cancellationToken = lifetime.ApplicationStopping;
        try
        {
            await using var connection = await OpenAsync(cancellationToken);
            await DropLeftoversAsync(connection, cancellationToken);
            foreach (var index in await SearchIndexes.ListAsync(connection, cancellationToken))
            {
                var clock = Stopwatch.StartNew();
                await using var reindex = new NpgsqlCommand($"REINDEX INDEX CONCURRENTLY {Qualified(index.Name)}", connection);
                await reindex.ExecuteNonQueryAsync(cancellationToken);
                var rebuilt = new RebuiltIndex(index.Name, await SearchIndexes.SizeAsync(connection, index.Name, cancellationToken), clock.Elapsed.TotalSeconds);
                logger.LogInformation("Search index {Index} rebuilt in {Seconds:0.0} s ({Bytes} bytes)", rebuilt.Name, rebuilt.Seconds, rebuilt.SizeBytes);
                lock (_lock)
                {
                    _status = _status with { Rebuilt = [.. _status.Rebuilt, rebuilt] };
                }
            }
            await using var analyze = new NpgsqlCommand("ANALYZE catalog.tracks, catalog.track_embeddings, catalog.line_signs", connection);
            await analyze.ExecuteNonQueryAsync(cancellationToken);
            Finish(SearchIndexRebuildStatus.Completed, null);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            logger.LogError(e, "Rebuilding the search indexes failed");
            // The problem, not the server's words: they can name internal objects and addresses.
            Finish(SearchIndexRebuildStatus.Failed, e is OperationCanceledException
                ? "The catalog stopped during the rebuild."
                : $"The database refused the rebuild ({(e as PostgresException)?.SqlState ?? "no connection"}); the catalog's log has the details.");
        }
    }

    private void Finish(string state, string? error)
    {
        lock (_lock)
        {
            _status = _status with { State = state, FinishedAt = DateTimeOffset.UtcNow, Error = error };
        }
    }

    /// <summary>A connection of its own, outside the pool: its session settings must not reach any other request.</summary>
    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        // The configured string: a context's connection, once opened, no longer carries the password.
        var connectionString = configuration.GetConnectionString("catalogdb")!;
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var settings = new NpgsqlCommand(
            "SELECT set_config('maintenance_work_mem', @memory, false), set_config('statement_timeout', '0', false)", connection);
        settings.Parameters.AddWithValue("memory", options.Value.IndexBuildMemory);
        await settings.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// A concurrent rebuild cut off (the catalog stopped, the server restarted) leaves its new index behind, invalid and
    /// named <c>…_ccnew</c>: it is dropped, or every later write would keep maintaining it.
    /// </summary>
    private static async Task DropLeftoversAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var index in await SearchIndexes.ListAsync(connection, cancellationToken, leftovers: true))
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX CONCURRENTLY IF EXISTS {Qualified(index.Name)}", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>An index of the catalog's schema by name, quoted: DDL takes no parameters, and the names come from Postgres's own list.</summary>
    private static string Qualified(string index) => $"catalog.\"{index.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
