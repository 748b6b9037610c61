using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Inference.Generation;

namespace RapAnalyzer.Inference.Apis;

public static class GenerateApi
{
    public static IEndpointRouteBuilder MapGenerateApi(this IEndpointRouteBuilder app)
    {
        var generate = app.MapGroup("/generate").WithTags("Generation");
        generate.MapPost("/", Generate);
        generate.MapGet("/info", Info);
        return app;
    }

    /// <summary>Lines in the asked rhyme scheme, each with the rhyme it keeps, and the output's measured rhyme density.</summary>
    public static async Task<Results<Ok<GeneratedLyrics>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>, ProblemHttpResult>> Generate(
        GenerationRequest? request, GenerationService generator, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["prompt"] = ["prompt is missing."] });
        }
        if (request.Problems() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }
        return await generator.GenerateAsync(request, cancellationToken) switch
        {
            GenerationOutcome.Generated generated => TypedResults.Ok(generated.Lyrics),
            GenerationOutcome.UnknownArtist unknown => TypedResults.NotFound(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Title = "Unknown artist",
                Detail = unknown.Problem,
                Status = StatusCodes.Status404NotFound,
                Extensions = { ["field"] = "artist" },
            }),
            GenerationOutcome.NotReady notReady => TypedResults.Problem(notReady.Problem, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The generator is not ready"),
            _ => throw new InvalidOperationException("An outcome of generation is not handled."),
        };
    }

    public static Ok<GeneratorInfo> Info(LineIndex index, GenerationModel model) => TypedResults.Ok(GeneratorInfo.Of(index, model));
}
