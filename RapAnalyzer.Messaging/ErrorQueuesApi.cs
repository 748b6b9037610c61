using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RabbitMQ.Client.Exceptions;

namespace RapAnalyzer.Messaging;

/// <summary>For operators: <c>GET /errors</c> lists the error queues, <c>POST /errors/{queue}/replay</c> moves messages back.</summary>
public static class ErrorQueuesApi
{
    public const int MaxReplay = 10_000;

    /// <summary>Mapped by each service that calls <c>AddMessaging</c>: the AppHost's replay command calls these routes.</summary>
    public static IEndpointRouteBuilder MapErrorQueuesApi(this IEndpointRouteBuilder app)
    {
        var errors = app.MapGroup("/errors").WithTags("Error queues");
        errors.MapGet("/", ListErrorQueues);
        errors.MapPost("/{queue}/replay", ReplayErrorQueue);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ErrorQueueCount>>, ProblemHttpResult>> ListErrorQueues(ErrorQueues errorQueues,
        CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await errorQueues.CountAsync(cancellationToken));
        }
        catch (BrokerUnreachableException e)
        {
            return TypedResults.Problem($"RabbitMQ is unreachable: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    public static async Task<Results<Ok<ReplayResult>, ValidationProblem, ProblemHttpResult>> ReplayErrorQueue(ErrorQueues errorQueues,
        string queue, int? max, CancellationToken cancellationToken)
    {
        if (!errorQueues.Queues.Contains(queue))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["queue"] = [$"'{queue}' is not a queue of this service; it has {string.Join(", ", errorQueues.Queues)}."],
            });
        }
        if (max is < 1 or > MaxReplay)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["max"] = [$"max must be between 1 and {MaxReplay}."] });
        }
        try
        {
            return TypedResults.Ok(new ReplayResult(queue, await errorQueues.ReplayAsync(queue, max ?? MaxReplay, cancellationToken)));
        }
        catch (BrokerUnreachableException e)
        {
            return TypedResults.Problem($"RabbitMQ is unreachable: {e.Message}", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}

public sealed record ReplayResult(string Queue, int Replayed);
