using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Apis;

public static class ArtistsApi
{
    public static IEndpointRouteBuilder MapArtistsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/artists").WithTags("Artists").MapGet("/{name}", GetArtist);
        return app;
    }

    public static async Task<Results<Ok<ArtistDetails>, NotFound, ValidationProblem>> GetArtist(ArtistQueries queries, string name,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 300)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["name must be 1 to 300 characters."] });
        }
        return await queries.GetArtistAsync(name, cancellationToken) is { } artist ? TypedResults.Ok(artist) : TypedResults.NotFound();
    }
}
