using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// A dashboard command on a consuming service: moves every message of its error queues back to their queues through the
/// service's own <c>POST /errors/{queue}/replay</c>, and reports how many moved.
/// </summary>
public static class ErrorQueueCommands
{
    public const string Name = "replay-error-queues";

    private sealed record ErrorQueueCount(string Queue, long Messages);

    private sealed record ReplayResult(string Queue, int Replayed);

    public static IResourceBuilder<ProjectResource> WithErrorQueueReplay(this IResourceBuilder<ProjectResource> builder)
    {
        var http = builder.GetEndpoint(ServiceEndpoints.Http);
        return builder.WithCommand(Name, "Replay error queues", context => ReplayAsync(http, context),
            new CommandOptions
            {
                Description = "Moves the messages of this service's _error queues back to their queues.",
                ConfirmationMessage = "Replay every message of this service's error queues?",
                IconName = "ArrowRedo",
                UpdateState = CommandStates.WhileRunning,
            });
    }

    private static Task<ExecuteCommandResult> ReplayAsync(EndpointReference http, ExecuteCommandContext context) =>
        ServiceApiCall.RunAsync(http, context, TimeSpan.FromMinutes(2), async (client, log) =>
        {
            var cancellationToken = context.CancellationToken;
            var queues = await client.GetFromJsonAsync<List<ErrorQueueCount>>("/errors", cancellationToken) ?? [];
            var moved = new List<string>();
            foreach (var queue in queues.Where(q => q.Messages > 0))
            {
                using var response = await client.PostAsync($"/errors/{Uri.EscapeDataString(queue.Queue)}/replay", null, cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    return await ServiceApiCall.RefusedAsync(response, cancellationToken, queue.Queue);
                }
                var result = await response.Content.ReadFromJsonAsync<ReplayResult>(cancellationToken);
                moved.Add($"{result!.Replayed} from {result.Queue}");
            }
            var report = moved.Count == 0 ? "The error queues are empty." : $"Replayed {string.Join(", ", moved)}.";
            log.LogInformation("Error queue replay: {Report}", report);
            return CommandResults.Success(report);
        });
}
