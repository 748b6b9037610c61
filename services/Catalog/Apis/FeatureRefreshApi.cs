using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Features;

namespace RapAnalyzer.Catalog.Apis;

/// <summary>Recomputing stored tracks' text features when their computation changed (<see cref="FeatureRefresher"/>).</summary>
public static class FeatureRefreshApi
{
    public static IEndpointRouteBuilder MapFeatureRefreshApi(this IEndpointRouteBuilder app)
    {
        var refresh = app.MapGroup("/features/refresh").WithTags("Features");
        refresh.MapPost("/", StartRefresh);
        refresh.MapGet("/", GetProgress);
        return app;
    }

    /// <summary>Starts the refresh to the current version (again: a no-op once started) and answers with its progress.</summary>
    public static async Task<Accepted<FeatureRefreshProgress>> StartRefresh(FeatureRefresher refresher, CatalogDbContext db,
        CancellationToken cancellationToken) =>
        TypedResults.Accepted("/features/refresh", await refresher.StartAsync(db, cancellationToken));

    public static async Task<Ok<FeatureRefreshProgress>> GetProgress(CatalogDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await FeatureRefresher.ProgressAsync(db, cancellationToken));
}
