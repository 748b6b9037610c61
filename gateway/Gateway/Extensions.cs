using RapAnalyzer.Gateway.Health;
using RapAnalyzer.Gateway.Proxy;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace RapAnalyzer.Gateway;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(EncodedPathForwarding.ForwardEncodedPath);
        builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();

        // A service answers 503 when it is unhealthy; retrying that would only delay the report.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(ServiceHealthProbe.HttpClientName, client => client.Timeout = ServiceHealthProbe.Timeout)
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<ServiceHealthProbe>();
        return builder;
    }
}
