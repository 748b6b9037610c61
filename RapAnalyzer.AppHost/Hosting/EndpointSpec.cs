namespace RapAnalyzer.AppHost.Hosting;

/// <summary>
/// A named endpoint of a resource. <see cref="TargetPort"/> is the port inside a container (Kubernetes);
/// a local run binds a free loopback port instead.
/// </summary>
public sealed record EndpointSpec(string Name, string Scheme, int TargetPort, bool Http2Only = false)
{
    public bool IsHttp => Scheme is "http" or "https";
}
