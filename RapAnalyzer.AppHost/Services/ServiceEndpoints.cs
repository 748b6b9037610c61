namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// Every service listens on two endpoints: <c>http</c> (REST, health, metrics) and <c>grpc</c> (h2c, HTTP/2 only). Kestrel
/// gets them as <c>Kestrel__Endpoints__{name}__Url</c> (and <c>__Protocols</c>), the same variables the Kubernetes
/// manifests set, instead of Aspire's <c>ASPNETCORE_URLS</c>, which cannot say that one port is HTTP/2 only.
/// </summary>
public static class ServiceEndpoints
{
    public const string Http = "http";
    public const string Grpc = "grpc";
    public const int HttpContainerPort = 8080;
    public const int GrpcContainerPort = 8081;

    public static IResourceBuilder<ProjectResource> WithServiceEndpoints(this IResourceBuilder<ProjectResource> builder, int? httpPort = null)
    {
        builder.WithHttpEndpoint(port: httpPort, name: Http)
            .WithEndpoint(Grpc, endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.Transport = "http2";
            }, createIfNotExists: true);
        var http = builder.GetEndpoint(Http);
        var grpc = builder.GetEndpoint(Grpc);
        return builder.WithEnvironment(context =>
        {
            context.EnvironmentVariables.Remove("ASPNETCORE_URLS");
            context.EnvironmentVariables.Remove("HTTP_PORTS");
            context.EnvironmentVariables.Remove("HTTPS_PORTS");
            context.EnvironmentVariables[$"Kestrel__Endpoints__{Http}__Url"] =
                ReferenceExpression.Create($"http://localhost:{http.Property(EndpointProperty.TargetPort)}");
            context.EnvironmentVariables[$"Kestrel__Endpoints__{Grpc}__Url"] =
                ReferenceExpression.Create($"http://localhost:{grpc.Property(EndpointProperty.TargetPort)}");
            context.EnvironmentVariables[$"Kestrel__Endpoints__{Grpc}__Protocols"] = "Http2";
        });
    }
}
