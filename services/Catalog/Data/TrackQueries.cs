using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Data;

/// <summary>
/// The read side shared by the HTTP API and the gRPC service. A track's <c>LatestAnalysis</c> is its latest of any
/// analyzer, <c>LatestAnalyses</c> the latest of each.
/// </summary>
public sealed class TrackQueries(CatalogDbContext db)
{
    public Task<TrackDetails?> GetTrackAsync(Guid id, CancellationToken cancellationToken) =>
        db.Tracks.AsNoTracking()
            .Where(t => t.Id == id)
            .Select(t => new TrackDetails(t.Id, t.Title, t.Artist!.Name, t.Album, t.Year, t.Lyrics, t.Source, t.SourceId,
                t.Language, t.Views, t.Url,
                t.Features == null ? null : t.Features.Values,
                t.Features == null ? null : t.Features.Version,
                t.Embeddings.Select(e => e.ModelId).ToList(),
                t.Spotify == null ? null : new SpotifyValues(t.Spotify.SpotifyId, t.Spotify.Popularity, t.Spotify.Album,
                    t.Spotify.ReleaseDate, t.Spotify.DurationMs, t.Spotify.Explicit),
                t.Analyses.OrderByDescending(a => a.CreatedAt)
                    .Select(a => new AnalysisValues(a.Analyzer, a.ModelVersion, a.ResultJson, a.ElapsedMs, a.CreatedAt))
                    .FirstOrDefault(),
                t.QualityScores.OrderByDescending(q => q.ScoredAt)
                    .Select(q => new QualityValues(q.Score, q.ModelVersion, q.ScoredAt))
                    .FirstOrDefault(),
                // Every analysis is kept; the track shows the latest of each analyzer (one with no later one of its analyzer).
                t.Analyses.Where(a => !t.Analyses.Any(later => later.Analyzer == a.Analyzer && later.CreatedAt > a.CreatedAt))
                    .OrderBy(a => a.Analyzer)
                    .Select(a => new AnalysisValues(a.Analyzer, a.ModelVersion, a.ResultJson, a.ElapsedMs, a.CreatedAt))
                    .ToList()))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<TrackPage> ListTracksAsync(TrackListQuery query, CancellationToken cancellationToken)
    {
        var tracks = db.Tracks.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Artist))
        {
            var artist = ArtistIdentity.Key(query.Artist);
            tracks = tracks.Where(t => t.Artist!.NormalizedName == artist);
        }
        if (query.YearFrom is { } from)
        {
            tracks = tracks.Where(t => t.Year >= from);
        }
        if (query.YearTo is { } to)
        {
            tracks = tracks.Where(t => t.Year <= to);
        }

        var total = await tracks.LongCountAsync(cancellationToken);
        var items = await tracks
            .OrderBy(t => t.Id)
            // Validate keeps the offset within the int Skip takes.
            .Skip((int)query.Offset)
            .Take(query.PageSize)
            .Select(t => new TrackSummary(t.Id, t.Title, t.Artist!.Name, t.Year))
            .ToListAsync(cancellationToken);
        return new TrackPage(items, total, query.Page, query.PageSize);
    }
}

public sealed record TrackDetails(Guid Id, string Title, string Artist, string? Album, int? Year, string Lyrics,
    string Source, string SourceId, string? Language, long? Views, string? Url, TrackFeatures? Features,
    int? FeaturesVersion, IReadOnlyList<string> EmbeddingModels, SpotifyValues? Spotify, AnalysisValues? LatestAnalysis, QualityValues? Quality,
    IReadOnlyList<AnalysisValues> LatestAnalyses);

public sealed record SpotifyValues(string SpotifyId, int Popularity, string Album, string? ReleaseDate, int DurationMs, bool Explicit);

public sealed record AnalysisValues(string Analyzer, string ModelVersion, string ResultJson, double ElapsedMs, DateTimeOffset CreatedAt);

public sealed record QualityValues(double Score, string ModelVersion, DateTimeOffset ScoredAt);

public sealed record TrackSummary(Guid Id, string Title, string Artist, int? Year);

public sealed record TrackPage(IReadOnlyList<TrackSummary> Items, long Total, int Page, int PageSize);
