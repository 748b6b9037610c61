using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Apis;

public static class FeaturesApi
{
    public static IEndpointRouteBuilder MapFeaturesApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/features").WithTags("Features").MapPost("/", ComputeFeatures);
        return app;
    }

    /// <summary>Text features of any lyrics, computed on demand (nothing is stored).</summary>
    public static Results<Ok<LyricsFeatures>, ValidationProblem> ComputeFeatures(FeaturesRequest? request,
        TrackFeatureAnalyzer analyzer)
    {
        if (FeaturesText.Problem(request?.Text) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FeaturesText.Field] = [problem] });
        }
        return TypedResults.Ok(analyzer.Analyze(request!.Text!));
    }
}

public sealed record FeaturesRequest(string? Text);
