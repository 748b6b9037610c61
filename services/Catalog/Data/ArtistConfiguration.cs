using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Data;

public sealed class ArtistConfiguration : IEntityTypeConfiguration<Artist>
{
    public void Configure(EntityTypeBuilder<Artist> artist)
    {
        artist.ToTable("artists");
        artist.Property(a => a.Name).HasMaxLength(TrackLimits.MaxArtistLength);
        artist.Property(a => a.NormalizedName).HasMaxLength(TrackLimits.MaxArtistLength);
        artist.HasIndex(a => a.NormalizedName).IsUnique();
    }
}
