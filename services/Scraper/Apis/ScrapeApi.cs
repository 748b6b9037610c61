using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Scraping;

namespace RapAnalyzer.Scraper.Apis;

public static class ScrapeApi
{
    public static IEndpointRouteBuilder MapScrapeApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/scrape", StartScrape).WithTags("Scrape");
        return app;
    }

    /// <summary>Starts scraping the artists' songs from Genius as a background job; poll <c>/jobs/{id}</c> for its counts.</summary>
    public static async Task<Results<Accepted<JobSnapshot>, ValidationProblem, ProblemHttpResult>> StartScrape(ScrapeRequest request,
        ScrapeRunner runner, IOptions<GeniusOptions> options)
    {
        if (!ScrapeOrderValidation.TryCreate(request.Artists, request.SongLimit, ScrapeOrderValidation.FieldNames.Json,
                out var order, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!options.Value.IsConfigured)
        {
            return TypedResults.Problem(GeniusOptions.NotConfiguredMessage, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Scraping is disabled");
        }

        var job = await runner.StartAsync(order.Artists, order.SongLimit);
        return TypedResults.Accepted($"/jobs/{job.Id}", job.Snapshot());
    }
}
