using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Data;

public sealed class FeatureRefreshConfiguration : IEntityTypeConfiguration<FeatureRefresh>
{
    public void Configure(EntityTypeBuilder<FeatureRefresh> refresh)
    {
        refresh.ToTable("feature_refreshes");
        refresh.HasKey(r => r.TargetVersion);
        refresh.Property(r => r.TargetVersion).ValueGeneratedNever();
    }
}
