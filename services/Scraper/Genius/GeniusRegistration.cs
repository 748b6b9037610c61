using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace RapAnalyzer.Scraper.Genius;

public static class GeniusRegistration
{
    /// <summary>The options (validated at start-up) and the typed <see cref="GeniusClient"/> with its own resilience pipeline.</summary>
    public static IServiceCollection AddGeniusClient(this IServiceCollection services)
    {
        services.AddOptions<GeniusOptions>().BindConfiguration(GeniusOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GeniusOptions>, GeniusOptionsValidation>();

        var client = services.AddHttpClient<GeniusClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<GeniusOptions>>().Value;
            http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.UserAgent.ParseAdd("RapAnalyzer-Scraper/1.0");
            // The pipeline bounds every call (attempt timeout, capped retries and Retry-After); HttpClient's own
            // 100 s would cut a call short that is only honouring a Retry-After, and surface as a bare cancellation.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });

        // ServiceDefaults gives every client the standard handler; two retry layers would multiply the attempts.
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler(GeniusResilience.PipelineName, GeniusResilience.Configure).SelectPipelineByAuthority();
        return services;
    }
}
