using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Degraded while an index search uses is being built (after a bulk load, or a model's first vectors) or is left
/// invalid by a failed concurrent build, and while the line signs are loaded into memory at start: search still
/// answers, more slowly, until the index is whole.
/// </summary>
public sealed class SearchIndexesHealthCheck(CatalogDbContext db, LineSignsInMemory lines) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await connection.OpenAsync(cancellationToken);
            // A leftover of a cut-off rebuild is invalid too: it serves no search but every insert still updates it.
            var invalid = (await SearchIndexes.ListAsync(connection, cancellationToken))
                .Concat(await SearchIndexes.ListAsync(connection, cancellationToken, leftovers: true))
                .Where(index => !index.Valid)
                .Select(index => $"invalid index {index.Name}");
            var loading = lines.Loaded ? [] : new[] { "the line signs are being loaded into memory" };
            var problems = (await SearchIndexes.BuildsAsync(connection, cancellationToken)).Concat(invalid).Concat(loading).ToList();
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
