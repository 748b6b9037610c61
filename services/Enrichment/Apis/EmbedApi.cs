using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Apis;

public static class EmbedApi
{
    public static IEndpointRouteBuilder MapEmbedApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/embed").WithTags("Embeddings").MapPost("/", Embed);
        return app;
    }

    /// <summary>The embedding of any lyrics as a track's (sections embedded and pooled), with the model's id.</summary>
    public static Results<Ok<TrackEmbedding>, ValidationProblem> Embed(FeaturesRequest? request, UniversalSentenceEncoder encoder)
    {
        if (FeaturesText.Problem(request?.Text) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [FeaturesText.Field] = [problem] });
        }
        return TypedResults.Ok(encoder.EmbedTrack(request!.Text!));
    }
}
