using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Pgvector.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>
/// The catalog's database as the service registers it through Aspire's Npgsql EF Core integration: pgvector for EF
/// and for the data source under it, retries, and a health entry named after the connection.
/// </summary>
public class CatalogDatabaseTests
{
    // Nothing listens on port 1: Postgres is down, which registering and checking health must survive.
    private const string DownPostgres = "Host=127.0.0.1;Port=1;Username=postgres;Password=x;Database=catalogdb";

    private IHost _host = null!;

    [OneTimeSetUp]
    public void Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([
            new("ConnectionStrings:catalogdb", DownPostgres),
            new("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1"),
            new("ConnectionStrings:cache", "127.0.0.1:1"),
        ]);
        builder.AddApplicationServices();
        _host = builder.Build();
    }

    [OneTimeTearDown]
    public void Dispose() => _host.Dispose();

    private T InScope<T>(Func<CatalogDbContext, T> read)
    {
        using var scope = _host.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<CatalogDbContext>());
    }

    [Test]
    public void Embeddings_map_to_pgvector()
    {
        var mapping = InScope(db => db.Model.FindEntityType(typeof(TrackEmbedding))!.FindProperty(nameof(TrackEmbedding.Vector))!
            .GetRelationalTypeMapping());

        Assert.That(mapping, Is.InstanceOf<VectorTypeMapping>());
    }

    [Test]
    public void The_data_source_reads_and_writes_vectors()
    {
        var plugins = InScope(db => db.GetService<IEnumerable<INpgsqlDataSourceConfigurationPlugin>>().ToList());

        Assert.That(plugins, Has.One.InstanceOf<VectorDataSourceConfigurationPlugin>());
    }

    [Test]
    public void Transient_failures_are_retried()
    {
        Assert.That(InScope(db => db.Database.CreateExecutionStrategy().RetriesOnFailure), Is.True);
    }

    [Test]
    public async Task Its_health_entry_is_catalogdb_and_unhealthy_within_the_gateways_probe_while_postgres_is_down()
    {
        var names = _host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name);
        var report = await _host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(r => r.Name == "catalogdb");

        Assert.Multiple(() =>
        {
            Assert.That(names, Has.One.EqualTo("catalogdb").And.None.EqualTo(nameof(CatalogDbContext)));
            Assert.That(report.Entries["catalogdb"].Status, Is.EqualTo(HealthStatus.Unhealthy));
            Assert.That(report.Entries["catalogdb"].Duration, Is.LessThan(TimeSpan.FromSeconds(3)));
        });
    }
}
