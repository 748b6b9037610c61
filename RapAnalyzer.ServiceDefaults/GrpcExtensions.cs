using Grpc.Net.ClientFactory;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class GrpcExtensions
{
    public const string GrpcEndpointName = "grpc";

    /// <summary>The gRPC server, the standard health service fed by the ASP.NET health checks, and reflection.</summary>
    public static IHostApplicationBuilder AddGrpcServerDefaults(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(options => options.EnableDetailedErrors = builder.Environment.IsDevelopment());
        builder.Services.AddGrpcHealthChecks();
        builder.Services.AddGrpcReflection();
        return builder;
    }

    public static WebApplication MapGrpcServerDefaults(this WebApplication app)
    {
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        return app;
    }

    /// <summary>
    /// A typed gRPC client for another service, found through service discovery on that service's
    /// <c>grpc</c> endpoint (<c>services__{service}__grpc__0</c>), with the standard resilience handler.
    /// </summary>
    public static IHttpClientBuilder AddGrpcServiceClient<TClient>(this IHostApplicationBuilder builder, string serviceName)
        where TClient : class =>
        builder.Services.AddGrpcClient<TClient>((GrpcClientFactoryOptions options) =>
            options.Address = new Uri($"http://_{GrpcEndpointName}.{serviceName}"));
}
