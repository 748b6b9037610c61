using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using RapAnalyzer.ServiceDefaults.Http;

namespace Microsoft.Extensions.DependencyInjection;

public static class ExternalApiRegistration
{
    /// <summary>
    /// An external API's options, bound to their section and checked as the host starts, and its HttpClient, named
    /// after the section (<c>.AddTypedClient&lt;T&gt;()</c> makes it a typed client's), with the external-API pipeline in
    /// place of the standard handler ServiceDefaults gives every client (two retry layers would multiply the attempts).
    /// The pipeline bounds every call, so HttpClient's own 100 s timeout is lifted: it would cut short a call that is
    /// only honouring a Retry-After, and surface as a bare cancellation.
    /// </summary>
    public static IHttpClientBuilder AddExternalApiClient<TOptions>(this IServiceCollection services) where TOptions : ExternalApiOptions, new()
    {
        services.AddExternalApiOptions<TOptions>();
        services.TryAddSingleton(TimeProvider.System);
        var client = services.AddHttpClient(new TOptions().Section)
            .ConfigureHttpClient(http =>
            {
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("RapAnalyzer/1.0");
            })
            // An SDK may keep its HttpClient for the process's lifetime, so connections are renewed to follow DNS changes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
#pragma warning disable EXTEXP0001
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddResilienceHandler("external-api", (pipeline, context) =>
                pipeline.AddExternalApiStrategies(context.ServiceProvider.GetRequiredService<IOptions<TOptions>>().Value, context))
            .SelectPipelineByAuthority();
        return client;
    }

    /// <summary>The options alone, for a service that reads an API's settings without calling it.</summary>
    public static OptionsBuilder<TOptions> AddExternalApiOptions<TOptions>(this IServiceCollection services) where TOptions : ExternalApiOptions, new() =>
        services.AddValidatedOptions<TOptions, Validation<TOptions>>(new TOptions().Section);

    private sealed class Validation<TOptions> : IValidateOptions<TOptions> where TOptions : ExternalApiOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options) => options.Validate();
    }
}
