namespace RapAnalyzer.AppHost.Hosting;

/// <summary>
/// Where resources are found in one kind of deployment: loopback ports and generated secrets for a local run,
/// service DNS names, container ports and Secret values for Kubernetes.
/// </summary>
public interface IResourceAddressing
{
    string Host(IResource resource);

    int Port(IResource resource, EndpointSpec endpoint);

    /// <summary>The host a resource's own server binds to.</summary>
    string BindHost { get; }

    string Secret(string name);

    /// <summary>The connection string handed to the resource's users.</summary>
    string ConnectionString(IResourceWithConnectionString resource) => resource.GetConnectionString(this);
}
