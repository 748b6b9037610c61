using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace Microsoft.Extensions.Hosting;

public static class PostgresExtensions
{
    /// <summary>
    /// What Aspire's Npgsql EF Core integration does: a pooled DbContext on the named connection string,
    /// retries on transient failures, a health check and tracing.
    /// </summary>
    public static IHostApplicationBuilder AddNpgsqlDbContext<TContext>(this IHostApplicationBuilder builder,
        string connectionName, Action<NpgsqlDbContextOptionsBuilder>? configureNpgsql = null,
        Action<NpgsqlDataSourceBuilder>? configureDataSource = null) where TContext : DbContext
    {
        var connectionString = builder.GetPostgresConnectionString(connectionName).ConnectionString;
        var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
        configureDataSource?.Invoke(dataSourceBuilder);
        var dataSource = dataSourceBuilder.Build();
        builder.Services.AddSingleton(dataSource);

        builder.Services.AddDbContext<TContext>(options => options.UseNpgsql(dataSource, npgsql =>
        {
            npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
            configureNpgsql?.Invoke(npgsql);
        }));

        builder.Services.AddHealthChecks().AddNpgSql(_ => dataSource, name: connectionName, timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}
