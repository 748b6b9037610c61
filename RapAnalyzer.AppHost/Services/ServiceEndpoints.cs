namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// A service listens on two endpoints: <c>http</c> (REST, health, metrics) and <c>grpc</c> (h2c, HTTP/2 only); the gateway
/// on <c>http</c> alone. Kestrel
/// gets them as <c>Kestrel__Endpoints__{name}__Url</c> (and <c>__Protocols</c>), the same variables the Kubernetes
/// manifests set, instead of Aspire's <c>ASPNETCORE_URLS</c>, which cannot say that one port is HTTP/2 only.
/// </summary>
public static class ServiceEndpoints
{
    public const string Http = "http";
    public const string Grpc = "grpc";
    public const int HttpContainerPort = 8080;
    public const int GrpcContainerPort = 8081;

    public static IResourceBuilder<ProjectResource> WithServiceEndpoints(this IResourceBuilder<ProjectResource> builder) =>
        builder.WithKestrelEndpoints(httpPort: null, grpc: true);

    public static IResourceBuilder<ProjectResource> WithGatewayEndpoint(this IResourceBuilder<ProjectResource> builder, int? port) =>
        builder.WithKestrelEndpoints(port, grpc: false);

    private static IResourceBuilder<ProjectResource> WithKestrelEndpoints(this IResourceBuilder<ProjectResource> builder, int? httpPort,
        bool grpc)
    {
        // The dashboard's health column and WaitFor follow the service's own report.
        builder.WithHttpEndpoint(port: httpPort, name: Http).WithHttpHealthCheck("/health", endpointName: Http);
        if (grpc)
        {
            builder.WithEndpoint(Grpc, endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Transport = "http2";
            }, createIfNotExists: true);
        }
        var endpoints = builder.Resource.Annotations.OfType<EndpointAnnotation>().Select(e => builder.GetEndpoint(e.Name)).ToList();
        return builder.WithEnvironment(context =>
        {
            context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
            context.EnvironmentVariables.Remove("HTTP_PORTS");
            context.EnvironmentVariables.Remove("HTTPS_PORTS");
            foreach (var endpoint in endpoints)
            {
                context.EnvironmentVariables[$"Kestrel__Endpoints__{endpoint.EndpointName}__Url"] =
                    ReferenceExpression.Create($"http://localhost:{endpoint.Property(EndpointProperty.TargetPort)}");
                if (endpoint.EndpointAnnotation.Transport == "http2")
                {
                    context.EnvironmentVariables[$"Kestrel__Endpoints__{endpoint.EndpointName}__Protocols"] = "Http2";
                }
            }
        });
    }
}
