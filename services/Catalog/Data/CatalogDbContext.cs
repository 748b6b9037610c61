using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Messaging.Outbox;

namespace RapAnalyzer.Catalog.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options)
{
    public DbSet<Artist> Artists => Set<Artist>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<SectionEmbedding> SectionEmbeddings => Set<SectionEmbedding>();
    public DbSet<LineSigns> LineSigns => Set<LineSigns>();
    public DbSet<Analysis> Analyses => Set<Analysis>();
    public DbSet<QualityScore> QualityScores => Set<QualityScore>();
    public DbSet<FeatureRefresh> FeatureRefreshes => Set<FeatureRefresh>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema("catalog");
        modelBuilder.HasPostgresExtension("vector");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);

        // The events this service publishes are saved beside the data they announce.
        modelBuilder.AddOutbox();
    }
}
