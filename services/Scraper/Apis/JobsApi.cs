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

    /// <summary>The job whichever instance runs it; 503 while Redis is down and another instance runs it.</summary>
    public static async Task<Results<Ok<JobSnapshot>, NotFound, ProblemHttpResult>> GetJob(Guid id, JobStore jobs)
    {
        try
        {
            return await jobs.FindAsync(id) is { } job ? TypedResults.Ok(job) : TypedResults.NotFound();
        }
        catch (JobStoreUnreachableException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Jobs cannot be read");
        }
    }
}
