using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Apis;

public static class TracksApi
{
    public static IEndpointRouteBuilder MapTracksApi(this IEndpointRouteBuilder app)
    {
        var tracks = app.MapGroup("/tracks").WithTags("Tracks");
        tracks.MapGet("/", ListTracks);
        tracks.MapGet("/{id:guid}", GetTrack);
        return app;
    }

    public static async Task<Results<Ok<TrackPage>, ValidationProblem>> ListTracks(TrackQueries queries,
        int? page, int? pageSize, string? artist, int? yearFrom, int? yearTo, CancellationToken cancellationToken)
    {
        var query = new TrackListQuery(page ?? 1, pageSize ?? 20, artist, yearFrom, yearTo);
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await queries.ListTracksAsync(query, cancellationToken));
    }

    public static async Task<Results<Ok<TrackDetails>, NotFound>> GetTrack(TrackQueries queries, Guid id,
        CancellationToken cancellationToken) =>
        await queries.GetTrackAsync(id, cancellationToken) is { } track ? TypedResults.Ok(track) : TypedResults.NotFound();
}
