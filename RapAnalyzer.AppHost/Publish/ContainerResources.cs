using k8s.Models;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>The CPU and memory every container asks for and is capped at; an overlay tunes them per workload.</summary>
internal static class ContainerResources
{
    public static V1ResourceRequirements Standard() => new()
    {
        Requests = Quantities(("cpu", "100m"), ("memory", "256Mi")),
        Limits = Quantities(("cpu", "1"), ("memory", "1Gi")),
    };

    public static SortedDictionary<string, ResourceQuantity> Quantities(params (string Name, string Value)[] quantities)
    {
        var result = new SortedDictionary<string, ResourceQuantity>(StringComparer.Ordinal);
        foreach (var (name, value) in quantities)
        {
            result[name] = new ResourceQuantity(value);
        }
        return result;
    }
}
