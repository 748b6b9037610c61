using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Apis;

public static class ArtistsApi
{
    public static IEndpointRouteBuilder MapArtistsApi(this IEndpointRouteBuilder app)
    {
        // A catch-all, so a name with a slash ("AC/DC") is one name whether the client escaped the slash or not.
        app.MapGroup("/artists").WithTags("Artists").MapGet("/{**name}", GetArtist);
        return app;
    }

    public static async Task<Results<Ok<ArtistDetails>, NotFound, ValidationProblem>> GetArtist(ArtistQueries queries, string? name,
        CancellationToken cancellationToken)
    {
        // Kestrel decodes every escape in a path but %2F, which stays as sent so it cannot pass for a separator; "/artists/"
        // binds no name at all.
        var artistName = name?.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) ?? "";
        if (Artist.NameProblem("name", artistName) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem] });
        }
        return await queries.GetArtistAsync(artistName, cancellationToken) is { } artist ? TypedResults.Ok(artist) : TypedResults.NotFound();
    }
}
