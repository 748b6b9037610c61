using k8s.Models;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// One pod of an infrastructure server (database, cache, broker) with a stable name, governed by a headless
/// Service of the same name, keeping its data in a PersistentVolumeClaim when it has any.
/// </summary>
internal static class ServerStatefulSet
{
    public const string DataVolume = "data";

    public static V1StatefulSet Create(string name, string component, V1Container container,
        string? dataVolumeSize = null, IReadOnlyList<V1Volume>? volumes = null)
    {
        container.Resources ??= ContainerResources.Standard();
        return new V1StatefulSet
        {
            ApiVersion = "apps/v1",
            Kind = "StatefulSet",
            Metadata = new V1ObjectMeta { Name = name, Labels = KubernetesLabels.For(name, component) },
            Spec = new V1StatefulSetSpec
            {
                ServiceName = name,
                Replicas = 1,
                Selector = new V1LabelSelector { MatchLabels = KubernetesLabels.Selector(name) },
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = KubernetesLabels.For(name, component) },
                    Spec = new V1PodSpec
                    {
                        EnableServiceLinks = false,
                        Containers = [container],
                        Volumes = volumes is { Count: > 0 } ? [.. volumes] : null,
                    },
                },
                VolumeClaimTemplates = dataVolumeSize is null ? null : [DataClaim(dataVolumeSize)],
            },
        };
    }

    private static V1PersistentVolumeClaim DataClaim(string size) => new()
    {
        Metadata = new V1ObjectMeta { Name = DataVolume },
        Spec = new V1PersistentVolumeClaimSpec
        {
            AccessModes = ["ReadWriteOnce"],
            Resources = new V1VolumeResourceRequirements { Requests = ContainerResources.Quantities(("storage", size)) },
        },
    };
}
