using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Apis;

public static class TracksApi
{
    public static IEndpointRouteBuilder MapTracksApi(this IEndpointRouteBuilder app)
    {
        var tracks = app.MapGroup("/tracks").WithTags("Tracks");
        tracks.MapGet("/", ListTracks);
        tracks.MapGet("/{id:guid}", GetTrack);
        tracks.MapGet("/{id:guid}/similar", SimilarTracks);
        return app;
    }

    public static async Task<Results<Ok<TrackPage>, ValidationProblem>> ListTracks(TrackQueries queries,
        [AsParameters] TrackListParameters parameters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var query = parameters.ToQuery(errors);
        foreach (var (field, problems) in query.Validate())
        {
            errors.TryAdd(field, problems);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(await queries.ListTracksAsync(query, cancellationToken));
    }

    public static async Task<Results<Ok<TrackDetails>, NotFound>> GetTrack(TrackQueries queries, Guid id,
        CancellationToken cancellationToken) =>
        await queries.GetTrackAsync(id, cancellationToken) is { } track ? TypedResults.Ok(track) : TypedResults.NotFound();

    public static async Task<Results<Ok<SearchAnswer>, NotFound, ValidationProblem>> SimilarTracks(SimilarTracks similar, Guid id,
        [AsParameters] SimilarParameters parameters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var request = parameters.ToRequest(id, errors);
        foreach (var (field, problems) in request.Validate())
        {
            errors.TryAdd(field, problems);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        try
        {
            return await similar.FindAsync(request, cancellationToken) is { } answer ? TypedResults.Ok(answer) : TypedResults.NotFound();
        }
        catch (UnknownModelException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [e.Message] });
        }
    }
}
