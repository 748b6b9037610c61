using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Apis;

public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var search = app.MapGroup("/search").WithTags("Search");
        search.MapGet("/", Search);
        // Operators' business (the dashboard's command calls it): the gateway routes /search alone, not these.
        search.MapGet("/indexes", GetIndexes);
        search.MapPost("/indexes/rebuild", RebuildIndexes);
        return app;
    }

    public static async Task<Ok<SearchIndexesReport>> GetIndexes(CatalogDbContext db, SearchIndexRebuild rebuild, LineSignsInMemory lines,
        CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return TypedResults.Ok(new SearchIndexesReport(await SearchIndexes.ListAsync(connection, cancellationToken), rebuild.Status,
                new LinesInMemory(lines.Loaded, lines.Tracks, lines.Lines, lines.Bytes)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Starts a rebuild (or finds the one running) and answers with its status, to be followed at <c>GET /search/indexes</c>.</summary>
    public static Accepted<SearchIndexRebuildStatus> RebuildIndexes(SearchIndexRebuild rebuild) =>
        TypedResults.Accepted("/search/indexes", rebuild.Start());

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

public sealed record SearchIndexesReport(IReadOnlyList<SearchIndex> Indexes, SearchIndexRebuildStatus Rebuild, LinesInMemory Lines);

/// <summary>The line signs this replica holds in memory (<see cref="LineSignsInMemory"/>), and whether their first load is done.</summary>
public sealed record LinesInMemory(bool Loaded, int Tracks, int Lines, long Bytes);
