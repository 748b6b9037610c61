using k8s;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>The Kubernetes objects of one resource, written as the YAML documents of <c>{name}.yaml</c>.</summary>
internal sealed record ManifestFile(string Name, IReadOnlyList<object> Objects)
{
    public string FileName => $"{Name}.yaml";

    public string Render() =>
        KubernetesPublisher.GeneratedHeader + string.Join("---\n", Objects.Select(Document));

    /// <summary>KubernetesYaml.Serialize ends without a line break, except after a block scalar; every document gets exactly one.</summary>
    private static string Document(object kubernetesObject)
    {
        var yaml = KubernetesYaml.Serialize(kubernetesObject);
        return yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }
}
