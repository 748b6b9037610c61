using k8s.Models;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>The core/v1 objects every resource uses: a ConfigMap, an Opaque Secret, a Service in front of its pods.</summary>
internal static class CoreObjects
{
    public static V1ConfigMap ConfigMap(string name, IDictionary<string, string> labels, IEnumerable<KeyValuePair<string, string>> data) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Data = Sorted(data),
    };

    public static V1Secret Secret(string name, IDictionary<string, string> labels, IEnumerable<KeyValuePair<string, string>> stringData) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Type = "Opaque",
        StringData = Sorted(stringData),
    };

    /// <summary>A ClusterIP Service, or a headless one (the governing Service of a StatefulSet).</summary>
    public static V1Service Service(string name, IDictionary<string, string> labels, IEnumerable<NamedPort> ports, bool headless = false) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            ClusterIP = headless ? "None" : null,
            Selector = KubernetesLabels.Selector(name),
            Ports = [.. ports.Select(p => p.ToServicePort())],
        },
    };

    private static SortedDictionary<string, string> Sorted(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);
}
