using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// A dashboard command on the catalog: starts the refresh of every stored track's text features to the current
/// version (<c>POST /features/refresh</c>) and reports its progress; run again, it only reports.
/// </summary>
public static class FeatureRefreshCommand
{
    public const string Name = "refresh-features";

    private sealed record Progress(int TargetVersion, string State, int Tracks, int Current, int Requested, int Waiting, double Percent);

    public static IResourceBuilder<ProjectResource> WithFeatureRefresh(this IResourceBuilder<ProjectResource> builder)
    {
        var http = builder.GetEndpoint(ServiceEndpoints.Http);
        return builder.WithCommand(Name, "Refresh features", context => RefreshAsync(http, context),
            new CommandOptions
            {
                Description = "Computes again the text features stored by an earlier version of enrichment.",
                IconName = "ArrowSync",
                UpdateState = CommandStates.WhileRunning,
            });
    }

    private static Task<ExecuteCommandResult> RefreshAsync(EndpointReference http, ExecuteCommandContext context) =>
        ServiceApiCall.RunAsync(http, context, TimeSpan.FromMinutes(1), async (client, log) =>
        {
            using var response = await client.PostAsync("/features/refresh", null, context.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await ServiceApiCall.RefusedAsync(response, context.CancellationToken);
            }
            var progress = (await response.Content.ReadFromJsonAsync<Progress>(context.CancellationToken))!;
            var report = $"Features version {progress.TargetVersion}: {progress.Current} of {progress.Tracks} tracks current ({progress.Percent}%), " +
                $"{progress.Requested} being computed, {progress.Waiting} waiting.";
            log.LogInformation("Feature refresh: {Report}", report);
            return CommandResults.Success(report);
        });
}
