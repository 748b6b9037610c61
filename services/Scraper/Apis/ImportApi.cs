using Microsoft.AspNetCore.Http.HttpResults;
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
    /// Takes a CSV or JSONL dataset as the request body, spooled to disk so the upload's size does not matter,
    /// and imports it as a background job.
    /// </summary>
    public static async Task<Results<Accepted<JobSnapshot>, ValidationProblem>> StartImport(HttpRequest request,
        ImportRunner runner, CancellationToken cancellationToken)
    {
        if (DatasetFormats.FromContentType(request.ContentType) is not { } format)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["Content-Type"] = [$"Send the dataset as {DatasetFormats.CsvContentType} (the Genius dataset's columns) or {DatasetFormats.JsonlContentType} (one JSON object a line)."],
            });
        }

        var path = Path.Combine(Path.GetTempPath(), $"rapanalyzer-import-{Guid.NewGuid():N}.{format.ToString().ToLowerInvariant()}");
        long length;
        await using (var file = File.Create(path))
        {
            await request.Body.CopyToAsync(file, cancellationToken);
            length = file.Length;
        }
        if (length == 0)
        {
            File.Delete(path);
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["The dataset is empty."] });
        }

        var job = await runner.StartAsync(path, format, deleteWhenDone: true);
        return TypedResults.Accepted($"/jobs/{job.Id}", job.Snapshot());
    }
}
