using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// How a dashboard command calls its service's own HTTP API: a client on the service's endpoint and the resource's
/// log for the call, and a service that does not answer, or refuses, reported as the command's failure.
/// </summary>
public static class ServiceApiCall
{
    public static async Task<ExecuteCommandResult> RunAsync(EndpointReference http, ExecuteCommandContext context, TimeSpan timeout,
        Func<HttpClient, ILogger, Task<ExecuteCommandResult>> call)
    {
        var log = context.Services.GetRequiredService<ResourceLoggerService>().GetLogger(context.ResourceName);
        using var client = new HttpClient { BaseAddress = new Uri(http.Url), Timeout = timeout };
        try
        {
            return await call(client, log);
        }
        catch (HttpRequestException e)
        {
            return CommandResults.Failure($"The service did not answer: {e.Message}");
        }
    }

    /// <summary>A refused request as the command's failure: its status and what the service said.</summary>
    public static async Task<ExecuteCommandResult> RefusedAsync(HttpResponseMessage response, CancellationToken cancellationToken, string? what = null) =>
        CommandResults.Failure($"{(what is null ? "" : $"{what}: ")}{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
}
