using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Degraded while an index search uses is being built (after a bulk load, or a model's first vectors) or is left
/// invalid by a failed concurrent build: search still answers, more slowly, until the index is whole.
/// </summary>
public sealed class SearchIndexesHealthCheck(CatalogDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT 'building ' || coalesce(i.relname, 'an index') || ' on ' || c.relname || ' (' || p.phase || ')'
                FROM pg_stat_progress_create_index p
                JOIN pg_class c ON c.oid = p.relid
                LEFT JOIN pg_class i ON i.oid = p.index_relid
                WHERE p.relid IN (to_regclass('catalog.track_embeddings'), to_regclass('catalog.tracks'))
                UNION ALL
                SELECT 'invalid index ' || i.relname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid IN (to_regclass('catalog.track_embeddings'), to_regclass('catalog.tracks')) AND NOT x.indisvalid
                """, connection);
            var problems = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                problems.Add(reader.GetString(0));
            }
            return problems.Count == 0 ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded(string.Join("; ", problems));
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // The database's own entry says it is down; this one says only that the indexes could not be checked.
            return HealthCheckResult.Degraded("The search indexes could not be checked.", e);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }
}
