using Microsoft.Extensions.Options;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Genius;

public static class GeniusRegistration
{
    /// <summary>The options (validated at start-up) and the typed <see cref="GeniusClient"/> with its own resilience pipeline.</summary>
    public static IServiceCollection AddGeniusClient(this IServiceCollection services)
    {
        services.AddValidatedOptions<GeniusOptions, GeniusOptionsValidation>(GeniusOptions.SectionName);

        services.AddHttpClient<GeniusClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<GeniusOptions>>().Value;
            http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.UserAgent.ParseAdd("RapAnalyzer-Scraper/1.0");
        }).UseOwnResiliencePipeline(GeniusResilience.PipelineName, GeniusResilience.Configure);
        return services;
    }
}
