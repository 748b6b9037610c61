using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Apis;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/search").WithTags("Search").MapGet("/", Search);
        return app;
    }

    public static async Task<Results<Ok<SearchAnswer>, ValidationProblem>> Search(TrackSearch search,
        [AsParameters] SearchParameters parameters, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var request = parameters.ToRequest(errors);
        foreach (var (field, problems) in request.Validate(search.Deepest))
        {
            errors.TryAdd(field, problems);
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        try
        {
            return TypedResults.Ok(await search.SearchAsync(request, cancellationToken));
        }
        catch (UnknownModelException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [e.Message] });
        }
    }
}
