using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>
/// The stored features derive from the contract's TrackFeatures: a column each, of its name, and a feature added
/// there without a migration fails here rather than at the first enrichment.
/// </summary>
public class TextFeaturesMappingTests
{
    private static CatalogDbContext Context() => new(new DbContextOptionsBuilder<CatalogDbContext>()
        .UseNpgsql("Host=127.0.0.1;Port=1", npgsql => npgsql.UseVector())
        .Options);

    [Test]
    public void Every_feature_is_a_text_features_column_of_its_name()
    {
        using var db = Context();
        var entity = db.Model.FindEntityType(typeof(TextFeatures))!;
        var table = StoreObjectIdentifier.Create(entity, StoreObjectType.Table)!.Value;

        var columns = entity.FindComplexProperty(nameof(TextFeatures.Values))!.ComplexType.GetProperties()
            .Select(feature => feature.GetColumnName(table));

        Assert.That(columns, Is.EquivalentTo(typeof(TrackFeatures).GetProperties().Select(feature => feature.Name)));
    }

    [Test]
    public void The_model_has_no_change_its_migrations_lack()
    {
        using var db = Context();

        Assert.That(db.Database.HasPendingModelChanges(), Is.False);
    }
}
