using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Data;

public sealed class ArtistConfiguration : IEntityTypeConfiguration<Artist>
{
    public void Configure(EntityTypeBuilder<Artist> artist)
    {
        artist.ToTable("artists");
        artist.Property(a => a.Name).HasMaxLength(300);
        artist.Property(a => a.NormalizedName).HasMaxLength(300);
        artist.HasIndex(a => a.NormalizedName).IsUnique();
    }
}
