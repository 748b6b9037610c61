namespace RapAnalyzer.AppHost.Hosting;

/// <summary>One of the solution's ASP.NET Core projects, run as a process locally and as a Deployment in Kubernetes.</summary>
public sealed class ProjectResource(string name, IProjectMetadata metadata) : IResourceWithEndpoints
{
    public static readonly EndpointSpec Http = new("http", "http", 8080);
    public static readonly EndpointSpec Grpc = new("grpc", "http", 8081, Http2Only: true);

    public string Name { get; } = name;
    public IProjectMetadata Metadata { get; } = metadata;
    public List<EndpointSpec> EndpointList { get; } = [Http];
    public IReadOnlyList<EndpointSpec> Endpoints => EndpointList;
    public Dictionary<string, string> Environment { get; } = [];
    public bool IsExternal { get; set; }

    /// <summary>
    /// Variables passed on from the AppHost's own environment when set there (API keys): a local run forwards
    /// them; published manifests leave them to a Secret of the deployment's own.
    /// </summary>
    public List<string> ForwardedEnvironment { get; } = [];
    public int Replicas { get; set; } = 1;

    /// <summary>The project's assembly name: its file name without the extension.</summary>
    public string AssemblyName => Path.GetFileNameWithoutExtension(Metadata.ProjectPath);
}
