using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Apis;

public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/jobs").WithTags("Jobs").MapGet("/{id:guid}", GetJob);
        return app;
    }

    public static Results<Ok<JobSnapshot>, NotFound> GetJob(Guid id, JobRegistry jobs) =>
        jobs.Find(id) is { } job ? TypedResults.Ok(job.Snapshot()) : TypedResults.NotFound();
}
