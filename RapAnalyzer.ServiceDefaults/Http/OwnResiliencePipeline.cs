using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace RapAnalyzer.ServiceDefaults.Http;

public static class OwnResiliencePipeline
{
    /// <summary>
    /// Gives a client of an external API its own resilience pipeline in place of the standard handler ServiceDefaults
    /// gives every client (two retry layers would multiply the attempts). The pipeline bounds every call (attempt
    /// timeout, capped retries and Retry-After), so HttpClient's own 100 s timeout is lifted: it would cut short a call
    /// that is only honouring a Retry-After, and surface as a bare cancellation.
    /// </summary>
    public static IHttpClientBuilder UseOwnResiliencePipeline(this IHttpClientBuilder client, string pipelineName,
        Action<ResiliencePipelineBuilder<HttpResponseMessage>, ResilienceHandlerContext> configure)
    {
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler(pipelineName, configure).SelectPipelineByAuthority();
        return client;
    }
}
