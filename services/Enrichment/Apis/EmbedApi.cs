using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Apis;

public static class EmbedApi
{
    public static IEndpointRouteBuilder MapEmbedApi(this IEndpointRouteBuilder app)
    {
        var embed = app.MapGroup("/embed").WithTags("Embeddings");
        embed.MapPost("/", Embed);
        embed.MapGet("/models", Models);
        return app;
    }

    /// <summary>
    /// The embedding of any lyrics as a track's (sections embedded and pooled), with the model's id. Without a model
    /// named, the default answers, and if that is a failing endpoint, USE-Lite does and the answer says so.
    /// </summary>
    public static async Task<Results<Ok<TextEmbedding>, ValidationProblem, ProblemHttpResult>> Embed(
        EmbedRequest? request, LyricsEmbedder embedder, CancellationToken cancellationToken)
    {
        if (FeaturesText.Problem(request?.Text) is { } problem)
        {
            return Invalid(FeaturesText.Field, problem);
        }
        if (embedder.ModelProblem(request!.Model) is { } modelProblem)
        {
            return Invalid(LyricsEmbedder.ModelField, modelProblem);
        }
        try
        {
            return await embedder.EmbedAsync(request.Text!, request.Model, cancellationToken) is { } embedding
                ? TypedResults.Ok(embedding)
                : Invalid(FeaturesText.Field, FeaturesText.NoLyricLines);
        }
        catch (ExternalApiException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The embedding endpoint is unavailable");
        }
    }

    /// <summary>The models this service embeds with, and the one used when a request names none.</summary>
    public static Ok<EmbeddingModelsResponse> Models(LyricsEmbedder embedder) => TypedResults.Ok(new EmbeddingModelsResponse(embedder.DefaultModel, embedder.Models));

    private static ValidationProblem Invalid(string field, string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] });
}

public sealed record EmbedRequest(string? Text, string? Model = null);

public sealed record EmbeddingModelsResponse(string Default, IReadOnlyList<string> Models);
