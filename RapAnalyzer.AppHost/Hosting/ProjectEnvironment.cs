namespace RapAnalyzer.AppHost.Hosting;

/// <summary>
/// The environment a project is started with, named exactly as Aspire names it: its own Kestrel endpoints,
/// <c>ConnectionStrings__{name}</c> for each referenced database, cache or broker, and
/// <c>services__{name}__{endpoint}__0</c> for each referenced project.
/// </summary>
public static class ProjectEnvironment
{
    public static SortedDictionary<string, string> For(ProjectResource project, DistributedApplicationModel model,
        IResourceAddressing addressing)
    {
        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["OTEL_SERVICE_NAME"] = project.Name,
        };
        foreach (var endpoint in project.Endpoints)
        {
            environment[$"Kestrel__Endpoints__{endpoint.Name}__Url"] =
                $"{endpoint.Scheme}://{addressing.BindHost}:{addressing.Port(project, endpoint)}";
            if (endpoint.Http2Only)
            {
                environment[$"Kestrel__Endpoints__{endpoint.Name}__Protocols"] = "Http2";
            }
        }

        foreach (var reference in model.ReferencesOf(project))
        {
            switch (reference)
            {
                case IResourceWithConnectionString withConnectionString:
                    environment[$"ConnectionStrings__{reference.Name}"] = addressing.ConnectionString(withConnectionString);
                    break;
                case ProjectResource service:
                    foreach (var endpoint in service.Endpoints)
                    {
                        environment[$"services__{service.Name}__{endpoint.Name}__0"] =
                            $"{endpoint.Scheme}://{addressing.Host(service)}:{addressing.Port(service, endpoint)}";
                    }
                    break;
            }
        }

        foreach (var (name, value) in project.Environment)
        {
            environment[name] = value;
        }
        return environment;
    }
}
