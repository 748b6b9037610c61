using k8s.Models;
using RapAnalyzer.AppHost.Services;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>The one way in from outside the cluster: <c>/</c> to the http port of the external project (the gateway).</summary>
internal static class IngressManifest
{
    public const string Name = "ingress";
    public const string IngressName = "rapanalyzer";

    /// <summary>Null when no project is external.</summary>
    public static ManifestFile? For(IEnumerable<IResource> resources)
    {
        var external = resources.OfType<ProjectResource>().Where(KubernetesAddressing.IsExternal).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (external.Count == 0)
        {
            return null;
        }
        if (external.Count > 1)
        {
            throw new InvalidOperationException(
                $"Projects {string.Join(", ", external.Select(p => $"'{p.Name}'"))} are all external, but the Ingress routes '/' to one; " +
                "route outside traffic through the gateway and call WithExternalHttpEndpoints() on it only.");
        }
        var gateway = external[0];
        return new ManifestFile(Name,
        [
            new V1Ingress
            {
                ApiVersion = "networking.k8s.io/v1",
                Kind = "Ingress",
                Metadata = new V1ObjectMeta
                {
                    Name = IngressName,
                    Labels = KubernetesLabels.For(IngressName, "gateway"),
                    // Dataset imports are streamed bodies of up to the scraper's own limit (GBs): ingress-nginx would refuse
                    // anything over 1 MB and buffer the rest to disk. Other controllers ignore these.
                    Annotations = new Dictionary<string, string>
                    {
                        ["nginx.ingress.kubernetes.io/proxy-body-size"] = "0",
                        ["nginx.ingress.kubernetes.io/proxy-request-buffering"] = "off",
                    },
                },
                Spec = new V1IngressSpec
                {
                    Rules =
                    [
                        new V1IngressRule
                        {
                            Http = new V1HTTPIngressRuleValue
                            {
                                Paths =
                                [
                                    new V1HTTPIngressPath
                                    {
                                        Path = "/",
                                        PathType = "Prefix",
                                        Backend = new V1IngressBackend
                                        {
                                            Service = new V1IngressServiceBackend
                                            {
                                                Name = gateway.Name,
                                                Port = new V1ServiceBackendPort { Name = ServiceEndpoints.Http },
                                            },
                                        },
                                    },
                                ],
                            },
                        },
                    ],
                },
            },
        ]);
    }
}
