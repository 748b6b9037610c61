using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>Healthy once the database accepts connections and has every extension its server is declared with.</summary>
public sealed class PostgresHealthCheck(IResourceWithConnectionString resource, string database, IReadOnlyList<string> extensions)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection(PostgresCluster.Unpooled(connectionString, database));
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_extension WHERE extname = ANY($1)", connection);
            command.Parameters.AddWithValue(extensions.ToArray());
            var installed = (long)(await command.ExecuteScalarAsync(cancellationToken))!;
            return installed == extensions.Count
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{database} lacks an extension of {string.Join(", ", extensions)}");
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
