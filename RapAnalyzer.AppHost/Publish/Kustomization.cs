using System.Text;

namespace RapAnalyzer.AppHost.Publish;

/// <summary><c>kustomization.yaml</c>: the base that lists every other manifest, for <c>kubectl apply -k</c> and overlays.</summary>
internal static class Kustomization
{
    public const string FileName = "kustomization.yaml";

    public static string Render(IEnumerable<string> resourceFiles)
    {
        var text = new StringBuilder(KubernetesPublisher.GeneratedHeader)
            .Append("apiVersion: kustomize.config.k8s.io/v1beta1\n")
            .Append("kind: Kustomization\n")
            .Append("resources:\n");
        foreach (var file in resourceFiles.Order(StringComparer.Ordinal))
        {
            text.Append($"- {file}\n");
        }
        return text.ToString();
    }
}
