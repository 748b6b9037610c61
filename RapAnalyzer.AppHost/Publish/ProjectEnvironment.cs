using RapAnalyzer.AppHost.Services;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// The environment a service gets in the cluster, named as Aspire names it: its Kestrel endpoints,
/// <c>ConnectionStrings__{name}</c> for each referenced database, cache or broker, and
/// <c>services__{name}__{endpoint}__0</c> for each referenced service.
/// </summary>
internal static class ProjectEnvironment
{
    public static SortedDictionary<string, string> For(ProjectResource project)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        foreach (var endpoint in Endpoints(project))
        {
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Url"] =
                $"{endpoint.UriScheme}://{KubernetesAddressing.BindHost}:{KubernetesAddressing.ContainerPort(endpoint)}";
            if (endpoint.Transport == "http2")
            {
                environment[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] = "Http2";
            }
        }

        foreach (var reference in References(project))
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnectionString:
                    environment[$"ConnectionStrings__{reference.Name}"] = KubernetesAddressing.ConnectionString(withConnectionString);
                    break;
                case ProjectResource service:
                    foreach (var endpoint in Endpoints(service))
                    {
                        environment[$"services__{service.Name}__{endpoint.Name}__0"] =
                            $"{endpoint.UriScheme}://{service.Name}:{KubernetesAddressing.ContainerPort(endpoint)}";
                    }
                    break;
            }
        }
        return environment;
    }

    public static IEnumerable<EndpointAnnotation> Endpoints(ProjectResource project) =>
        project.Annotations.OfType<EndpointAnnotation>().OrderBy(e => KubernetesAddressing.ContainerPort(e));

    private static IEnumerable<IResource> References(ProjectResource project) =>
        project.Annotations.OfType<ResourceRelationshipAnnotation>()
            .Where(r => r.Type == "Reference")
            .Select(r => r.Resource)
            .Distinct();
}
