using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Apis;

public static class ImportApi
{
    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/import", StartImport).WithTags("Import").DisableRequestTimeout();
        return app;
    }

    /// <summary>
    /// Imports a CSV or JSONL dataset streamed as the request body, in memory bounded by a batch whatever the size of the
    /// body (nothing is spooled to disk), and answers once the body is read: 202 with the job (the catalog stores the tracks
    /// from there), 413 past <see cref="ImportOptions.MaxUploadBytes"/>, or a problem naming why the import stopped.
    /// </summary>
    public static async Task<Results<Accepted<JobSnapshot>, ValidationProblem, ProblemHttpResult>> StartImport(HttpRequest request,
        ImportRunner runner, IOptions<ImportOptions> options, CancellationToken cancellationToken)
    {
        if (DatasetFormats.FromContentType(request.ContentType) is not { } format)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Content-Type"] = [$"Send the dataset as {DatasetFormats.CsvContentType} (the Genius dataset's columns) or {DatasetFormats.JsonlContentType} (one JSON object a line)."],
            });
        }
        var maxBytes = options.Value.MaxUploadBytes;
        if (request.ContentLength > maxBytes)
        {
            return TooLarge(request, maxBytes, null);
        }
        // Kestrel's own limit (30 MB by default) would cut a dataset short; UploadLimitStream enforces ours.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }
        var start = await request.BodyReader.ReadAsync(cancellationToken);
        if (start.IsCompleted && start.Buffer.IsEmpty)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The dataset is empty."] });
        }
        request.BodyReader.AdvanceTo(start.Buffer.Start);

        try
        {
            var body = new UploadLimitStream(request.BodyReader.AsStream(leaveOpen: true), maxBytes);
            var job = await runner.ImportAsync(body, format, cancellationToken);
            return TypedResults.Accepted($"/jobs/{job.Id}", job);
        }
        catch (ImportFailedException e) when (e.InnerException is UnreadableHeaderException header)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = [$"The dataset cannot be read: {header.Message}."] },
                extensions: JobLink(e.Job));
        }
        catch (ImportFailedException e) when (e.InnerException is UploadTooLargeException)
        {
            return TooLarge(request, maxBytes, e.Job);
        }
        catch (ImportFailedException e)
        {
            return TypedResults.Problem($"The import stopped: {e.Job.Reason}", statusCode: e.InnerException is BadHttpRequestException bad
                ? bad.StatusCode : StatusCodes.Status503ServiceUnavailable, title: "The import did not complete", extensions: JobLink(e.Job));
        }
    }

    private static ProblemHttpResult TooLarge(HttpRequest request, long maxBytes, JobSnapshot? job)
    {
        // The rest of the body is not wanted: closing the connection spares reading it to keep the connection alive.
        request.HttpContext.Response.Headers.Connection = "close";
        return TypedResults.Problem($"The dataset is larger than {ImportOptions.SectionName}:MaxUploadBytes ({maxBytes} bytes)."
            + (job is null ? "" : $" The {job.Found} rows before the limit were read."),
            statusCode: StatusCodes.Status413PayloadTooLarge, title: "The dataset is too large", extensions: job is null ? null : JobLink(job));
    }

    private static Dictionary<string, object?> JobLink(JobSnapshot job) => new() { ["job"] = $"/jobs/{job.Id}" };
}
