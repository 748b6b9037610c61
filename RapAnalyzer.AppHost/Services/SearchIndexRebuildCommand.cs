using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// A dashboard command on the catalog: rebuilds the search indexes whole after a bulk load
/// (<c>POST /search/indexes/rebuild</c>) and waits for the rebuild, reporting each index's build time and size.
/// </summary>
public static class SearchIndexRebuildCommand
{
    public const string Name = "rebuild-search-indexes";

    private sealed record Rebuilt(string Name, long SizeBytes, double Seconds);

    private sealed record Rebuild(string State, IReadOnlyList<Rebuilt> Rebuilt, string? Error);

    private sealed record Report(Rebuild Rebuild);

    public static IResourceBuilder<ProjectResource> WithSearchIndexRebuild(this IResourceBuilder<ProjectResource> builder)
    {
        var http = builder.GetEndpoint(ServiceEndpoints.Http);
        return builder.WithCommand(Name, "Rebuild search indexes", context => RebuildAsync(http, context),
            new CommandOptions
            {
                Description = "Builds the HNSW and text indexes again, whole, after a bulk load; search goes on meanwhile.",
                IconName = "DatabaseSearch",
                UpdateState = CommandStates.WhileRunning,
            });
    }

    private static Task<ExecuteCommandResult> RebuildAsync(EndpointReference http, ExecuteCommandContext context) =>
        ServiceApiCall.RunAsync(http, context, TimeSpan.FromMinutes(1), async (client, log) =>
        {
            using var response = await client.PostAsync("/search/indexes/rebuild", null, context.CancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return await ServiceApiCall.RefusedAsync(response, context.CancellationToken);
            }
            var rebuild = (await response.Content.ReadFromJsonAsync<Rebuild>(context.CancellationToken))!;
            while (rebuild.State == "running")
            {
                await Task.Delay(TimeSpan.FromSeconds(1), context.CancellationToken);
                rebuild = (await client.GetFromJsonAsync<Report>("/search/indexes", context.CancellationToken))!.Rebuild;
            }
            var report = string.Join(", ", rebuild.Rebuilt.Select(i => $"{i.Name} {i.Seconds:0.0} s, {i.SizeBytes / (1024.0 * 1024):0.0} MB"));
            log.LogInformation("Search index rebuild {State}: {Report}", rebuild.State, report);
            return rebuild.State == "completed"
                ? CommandResults.Success($"Rebuilt {report}.")
                : CommandResults.Failure($"{rebuild.Error ?? "The catalog restarted during the rebuild."} Rebuilt before that: {(report.Length == 0 ? "none" : report)}.");
        });
}
