using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
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

    private static async Task<ExecuteCommandResult> RefreshAsync(EndpointReference http, ExecuteCommandContext context)
    {
        var log = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(context.ResourceName);
        using var client = new HttpClient { BaseAddress = new Uri(http.Url), Timeout = TimeSpan.FromMinutes(1) };
        try
        {
            using var response = await client.PostAsync("/features/refresh", null, context.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return CommandResults.Failure($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(context.CancellationToken)}");
            }
            var progress = (await response.Content.ReadFromJsonAsync<Progress>(context.CancellationToken))!;
            var report = $"Features version {progress.TargetVersion}: {progress.Current} of {progress.Tracks} tracks current ({progress.Percent}%), " +
                $"{progress.Requested} being computed, {progress.Waiting} waiting.";
            log.LogInformation("Feature refresh: {Report}", report);
            return CommandResults.Success(report);
        }
        catch (HttpRequestException e)
        {
            return CommandResults.Failure($"The catalog did not answer: {e.Message}");
        }
    }
}
