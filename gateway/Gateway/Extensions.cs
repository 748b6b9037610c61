using System.Text;
using RapAnalyzer.Gateway.Health;
using RapAnalyzer.Gateway.Proxy;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace RapAnalyzer.Gateway;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddTransforms(EncodedPathForwarding.ForwardEncodedPath)
            // Kestrel reads a header as UTF-8; the forwarder's client, by default ASCII only, would turn a client's
            // "café" into a 502 instead of passing it on as it came.
            .ConfigureHttpClient((_, handler) => handler.RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8);
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
