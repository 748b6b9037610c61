using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;
using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Llm;

public static class LlmRegistration
{
    /// <summary>The ActivitySource and Meter of the gen_ai spans and metrics (durations, token usage) the dashboard shows.</summary>
    public const string TelemetrySource = "RapAnalyzer.Inference.Llm";

    /// <summary>
    /// The LLM's IChatClient over the OpenAI-compatible API, on the Llm HttpClient (the external-API pipeline: attempt
    /// timeout, retries with backoff and jitter honouring Retry-After), with OpenTelemetry in the chat pipeline. The
    /// SDK's own retries and timeout are off: two retry layers would multiply the attempts. Nothing is registered
    /// without an endpoint: then the embedded analyzer answers. Returns whether an LLM is configured.
    /// </summary>
    public static bool AddLlm(this IHostApplicationBuilder builder)
    {
        builder.Services.AddExternalApiClient<LlmOptions>();
        builder.Services.AddSingleton<LlmBudget>();
        builder.Services.AddSingleton<LlmCircuit>();
        builder.Services.AddSingleton<LlmJsonFormat>();
        if (builder.Configuration.GetSection(LlmOptions.SectionName).Get<LlmOptions>() is not { IsConfigured: true })
        {
            return false;
        }
        builder.Services.AddChatClient(sp =>
            {
                var llm = sp.GetRequiredService<IOptions<LlmOptions>>().Value;
                var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(llm.Section);
                var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(llm.ApiKey) ? "none" : llm.ApiKey), new OpenAIClientOptions
                {
                    Endpoint = new Uri(llm.Endpoint!),
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
                    NetworkTimeout = Timeout.InfiniteTimeSpan,
                });
                return client.GetChatClient(llm.Model).AsIChatClient();
            })
            .UseOpenTelemetry(sourceName: TelemetrySource);
        builder.Services.AddSingleton<LlmAnalyzer>();
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddSource(TelemetrySource)).WithMetrics(m => m.AddMeter(TelemetrySource));
        return true;
    }
}
