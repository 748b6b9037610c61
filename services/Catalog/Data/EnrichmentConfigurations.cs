using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Data;

public sealed class TextFeaturesConfiguration : IEntityTypeConfiguration<TextFeatures>
{
    public void Configure(EntityTypeBuilder<TextFeatures> features)
    {
        features.ToTable("text_features");
        features.HasKey(f => f.TrackId);
        // One column per feature, named as the feature: a feature added to TrackFeatures is a column of its name.
        // EndRhymeScheme is text without a limit: it has a letter a line, so a limit would leave long lyrics unenriched.
        features.ComplexProperty(f => f.Values, values =>
        {
            foreach (var feature in values.Metadata.ComplexType.GetProperties())
            {
                feature.SetColumnName(feature.Name);
            }
        });
        features.HasOne<Track>().WithOne(t => t.Features).HasForeignKey<TextFeatures>(f => f.TrackId);
        // Features stored before versions were kept are the first computation's.
        features.Property(f => f.Version).HasDefaultValue(FeaturesVersion.Unversioned).ValueGeneratedNever();
        // What a refresh still has to ask for: features of an earlier version it has not asked for yet.
        features.HasIndex(f => new { f.Version, f.RequestedVersion });
    }
}

public sealed class TrackEmbeddingConfiguration : IEntityTypeConfiguration<TrackEmbedding>
{
    public void Configure(EntityTypeBuilder<TrackEmbedding> embedding)
    {
        embedding.ToTable("track_embeddings");
        embedding.HasKey(e => new { e.TrackId, e.ModelId });
        embedding.Property(e => e.ModelId).HasMaxLength(EmbeddingModels.MaxIdLength);
        // No fixed dimension: each model's vectors get their own HNSW index (see the migration).
        embedding.Property(e => e.Vector).HasColumnType("vector");
        embedding.HasOne<Track>().WithMany(t => t.Embeddings).HasForeignKey(e => e.TrackId);
    }
}

public sealed class SectionEmbeddingConfiguration : IEntityTypeConfiguration<SectionEmbedding>
{
    public void Configure(EntityTypeBuilder<SectionEmbedding> section)
    {
        section.ToTable("section_embeddings");
        section.HasKey(s => new { s.TrackId, s.ModelId, s.Ordinal });
        section.Property(s => s.ModelId).HasMaxLength(EmbeddingModels.MaxIdLength);
        section.Property(s => s.Ordinal).ValueGeneratedNever();
        // Read only for the few tracks of a page of hits, by track: no vector index.
        section.Property(s => s.Vector).HasColumnType("vector");
        section.HasOne<Track>().WithMany(t => t.SectionEmbeddings).HasForeignKey(s => s.TrackId);
    }
}

public sealed class LineSignsConfiguration : IEntityTypeConfiguration<LineSigns>
{
    public void Configure(EntityTypeBuilder<LineSigns> line)
    {
        line.ToTable("line_signs");
        line.HasKey(l => new { l.TrackId, l.ModelId, l.Ordinal });
        line.Property(l => l.ModelId).HasMaxLength(EmbeddingModels.MaxIdLength);
        line.Property(l => l.Ordinal).ValueGeneratedNever();
        // No fixed length: USE-Lite's lines get an HNSW Hamming index at its 512 bits (see the migration).
        line.Property(l => l.Signs).HasColumnType("bit varying");
        line.HasOne<Track>().WithMany(t => t.LineSigns).HasForeignKey(l => l.TrackId);
    }
}

public sealed class SpotifyTrackConfiguration : IEntityTypeConfiguration<SpotifyTrack>
{
    public void Configure(EntityTypeBuilder<SpotifyTrack> spotify)
    {
        spotify.ToTable("spotify_tracks");
        spotify.HasKey(s => s.TrackId);
        spotify.Property(s => s.SpotifyId).HasMaxLength(50);
        // Album is text without a limit: it is Spotify's value, and one longer than a limit would fail the enrichment.
        spotify.Property(s => s.ReleaseDate).HasMaxLength(20);
        spotify.HasOne<Track>().WithOne(t => t.Spotify).HasForeignKey<SpotifyTrack>(s => s.TrackId);
    }
}

public sealed class AnalysisConfiguration : IEntityTypeConfiguration<Analysis>
{
    public void Configure(EntityTypeBuilder<Analysis> analysis)
    {
        analysis.ToTable("analyses");
        analysis.Property(a => a.Id).ValueGeneratedNever();
        analysis.Property(a => a.Analyzer).HasMaxLength(100);
        analysis.Property(a => a.ModelVersion).HasMaxLength(200);
        analysis.Property(a => a.ResultJson).HasColumnType("jsonb");
        analysis.HasIndex(a => new { a.TrackId, a.CreatedAt });
        analysis.HasOne<Track>().WithMany(t => t.Analyses).HasForeignKey(a => a.TrackId);
    }
}

public sealed class QualityScoreConfiguration : IEntityTypeConfiguration<QualityScore>
{
    public void Configure(EntityTypeBuilder<QualityScore> score)
    {
        score.ToTable("quality_scores");
        score.HasKey(s => new { s.TrackId, s.ModelVersion });
        score.Property(s => s.ModelVersion).HasMaxLength(200);
        score.HasOne<Track>().WithMany(t => t.QualityScores).HasForeignKey(s => s.TrackId);
    }
}
