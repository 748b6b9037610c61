using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Data;

public sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> track)
    {
        track.ToTable("tracks");
        track.Property(t => t.Title).HasMaxLength(TrackLimits.MaxTitleLength);
        track.Property(t => t.Album).HasMaxLength(TrackLimits.MaxAlbumLength);
        track.Property(t => t.Source).HasMaxLength(TrackLimits.MaxSourceLength);
        track.Property(t => t.SourceId).HasMaxLength(TrackLimits.MaxSourceIdLength);
        track.Property(t => t.ContentHash).HasMaxLength(64);
        track.Property(t => t.Language).HasMaxLength(TrackLimits.MaxLanguageLength);
        track.HasIndex(t => t.ContentHash).IsUnique();
        track.HasIndex(t => new { t.Source, t.SourceId }).IsUnique();
        track.HasIndex(t => t.Year);
        track.HasOne(t => t.Artist).WithMany(a => a.Tracks).HasForeignKey(t => t.ArtistId);
    }
}
