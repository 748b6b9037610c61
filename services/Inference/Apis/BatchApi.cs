using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Batches;
using RapAnalyzer.ServiceDefaults.Http;
using StackExchange.Redis;

namespace RapAnalyzer.Inference.Apis;

public static class BatchApi
{
    public const int MaxPageSize = 100;
    private static readonly TimeSpan ProgressPoll = TimeSpan.FromMilliseconds(200);

    public static IEndpointRouteBuilder MapBatchApi(this IEndpointRouteBuilder app)
    {
        var batches = app.MapGroup("/batch").WithTags("Batches");
        batches.MapPost("/", PostBatch);
        batches.MapGet("/{id:guid}", GetBatch);
        batches.MapGet("/{id:guid}/events", GetBatchEvents);
        return app;
    }

    public static async Task<Results<Accepted<BatchCreated>, ValidationProblem, ProblemHttpResult>> PostBatch(
        BatchRequest request, BatchStore store, BatchRunner runner, IOptions<BatchOptions> options)
    {
        var problems = request.Problems(options.Value.MaxItems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        if (!store.IsAvailable)
        {
            return Unavailable();
        }
        try
        {
            var id = await store.CreateAsync(request.Items!, request.AnalyzerOrAuto);
            runner.Start(id);
            return TypedResults.Accepted($"/batch/{id}", new BatchCreated(id, request.Items!.Count));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return Unavailable();
        }
    }

    public static async Task<Results<Ok<BatchReport>, ValidationProblem, NotFound<ProblemDetails>>> GetBatch(
        Guid id, BatchStore store, string? page = null, string? pageSize = null)
    {
        // Read as the catalog's paging is: an empty value is "not given", one that is no number a problem naming it.
        var problems = new Dictionary<string, string[]>();
        var (number, size) = (QueryValues.Number("page", page, problems) ?? 1, QueryValues.Number("pageSize", pageSize, problems) ?? DefaultPageSize);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        if (number < 1)
        {
            problems["page"] = ["page must be 1 or more."];
        }
        if (size is < 1 or > MaxPageSize)
        {
            problems["pageSize"] = [$"pageSize must be between 1 and {MaxPageSize}."];
        }
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }
        if (await store.ProgressAsync(id) is not { } batch)
        {
            return NotFound(id);
        }
        var from = (int)Math.Min((long)(number - 1) * size, int.MaxValue - size);
        var items = from >= batch.Total ? [] : await store.ResultsAsync(id, from, Math.Min(size, batch.Total - from));
        return TypedResults.Ok(BatchReport.Of(batch, number, size, items));
    }

    private const int DefaultPageSize = 50;

    /// <summary>Server-sent <c>progress</c> events as items are answered, then one <c>completed</c> event.</summary>
    public static async Task<Results<ServerSentEventsResult<BatchProgressEvent>, NotFound<ProblemDetails>>> GetBatchEvents(
        Guid id, BatchStore store, CancellationToken cancellationToken) =>
        await store.ProgressAsync(id) is null
            ? NotFound(id)
            : TypedResults.ServerSentEvents(Progress(id, store, cancellationToken));

    private static async IAsyncEnumerable<SseItem<BatchProgressEvent>> Progress(Guid id, BatchStore store,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reported = -1;
        while (!cancellationToken.IsCancellationRequested && await store.ProgressAsync(id) is { } batch)
        {
            var progress = new BatchProgressEvent(batch.Done, batch.Total, batch.Percent, batch.Failed, batch.Status);
            if (batch.Done != reported)
            {
                reported = batch.Done;
                yield return new SseItem<BatchProgressEvent>(progress, "progress");
            }
            if (batch.Finished)
            {
                yield return new SseItem<BatchProgressEvent>(progress, "completed");
                yield break;
            }
            await Task.Delay(ProgressPoll, cancellationToken);
        }
    }

    private static ProblemHttpResult Unavailable() => TypedResults.Problem(
        "Batches are kept in Redis, which is unreachable; analyze songs one by one with POST /analyze meanwhile.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    private static NotFound<ProblemDetails> NotFound(Guid id) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not Found",
        Detail = $"id: no batch {id} (batches are kept for a day).",
        Extensions = { ["field"] = "id" },
    });
}

public sealed record BatchCreated(Guid Id, int Total);

public sealed record BatchProgressEvent(int Done, int Total, double Percent, int Failed, string Status);
