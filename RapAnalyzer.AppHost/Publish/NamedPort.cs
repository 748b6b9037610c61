using k8s.Models;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>A port a container listens on; its Service exposes the same number under the same name.</summary>
internal sealed record NamedPort(string Name, int Number)
{
    public V1ContainerPort ToContainerPort() => new() { Name = Name, ContainerPort = Number, Protocol = "TCP" };

    public V1ServicePort ToServicePort() => new() { Name = Name, Port = Number, TargetPort = Name, Protocol = "TCP" };
}
