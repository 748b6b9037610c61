using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Upstream;

namespace RapAnalyzer.Inference.Apis;

public static class AnalyzeApi
{
    public static IEndpointRouteBuilder MapAnalyzeApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/analyze").WithTags("Analysis").MapPost("/", Analyze);
        return app;
    }

    public static async Task<Results<Ok<LyricsAnalysis>, ValidationProblem, NotFound<ProblemDetails>, ProblemHttpResult>> Analyze(
        AnalyzeRequest request, LyricsAnalyzer analyzer, CatalogTracks catalog, IOptions<AnalysisOptions> options,
        CancellationToken cancellationToken)
    {
        var problems = request.Problems(options.Value.MaxLyricsLength);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        if (request.TrackId is null)
        {
            try
            {
                return TypedResults.Ok(await analyzer.AnalyzeAsync(request.Lyrics!, null, request.AnalyzerOrAuto, cancellationToken));
            }
            catch (NoLyricLinesException e)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [AnalyzeRequest.LyricsField] = [$"{AnalyzeRequest.LyricsField} {e.Message}."] });
            }
        }
        var id = Guid.Parse(request.TrackId);
        StoredTrack? track;
        try
        {
            track = await catalog.FindAsync(id, cancellationToken);
        }
        catch (CatalogUnavailableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        if (track is null)
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = "Not Found",
                Detail = $"{AnalyzeRequest.TrackIdField}: the catalog has no track {id}.",
                Extensions = { ["field"] = AnalyzeRequest.TrackIdField },
            });
        }
        try
        {
            return TypedResults.Ok(await analyzer.AnalyzeAsync(track.Lyrics, track.Features, request.AnalyzerOrAuto, cancellationToken));
        }
        catch (NoLyricLinesException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [AnalyzeRequest.TrackIdField] = [$"{AnalyzeRequest.TrackIdField}: the track's lyrics {e.Message}."] });
        }
    }
}
