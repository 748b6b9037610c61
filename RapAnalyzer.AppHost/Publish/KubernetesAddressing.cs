using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// Kubernetes: every resource is reached through its Service (a database through its server's), on the
/// container port; servers bind every interface; secrets are fixed development values that an overlay replaces.
/// </summary>
public sealed class KubernetesAddressing : IResourceAddressing
{
    public string BindHost => "+";

    public string Host(IResource resource) => resource is IResourceWithParent child ? Host(child.Parent) : resource.Name;

    public int Port(IResource resource, EndpointSpec endpoint) => endpoint.TargetPort;

    public string Secret(string name) => $"dev-{name}";
}
