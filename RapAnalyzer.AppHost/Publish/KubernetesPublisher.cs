using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// Writes the app model as a kustomize base: one file per server or project, the Ingress, and kustomization.yaml.
/// The same model always gives the same bytes, so the committed k8s/ folder can be checked by a test.
/// </summary>
public static class KubernetesPublisher
{
    public const string GeneratedHeader =
        "# Generated from RapAnalyzer.AppHost/AppModel.cs by `dotnet run --project RapAnalyzer.AppHost -- publish`; do not edit.\n" +
        "# Change deployment-specific values (Secrets, images, replicas, ingress class) in a kustomize overlay.\n";

    /// <summary>Writes the manifests into <paramref name="outputDirectory"/> and returns the files written, relative to it, sorted.</summary>
    public static IReadOnlyList<string> Write(DistributedApplicationModel model, string outputDirectory)
    {
        var manifests = Manifests(model, new KubernetesAddressing()).ToList();
        var clash = manifests.Select(m => m.FileName).Append(Kustomization.FileName)
            .GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new AppModelException($"Two manifests would be written to {clash.Key}; rename the resource.");
        }

        var files = manifests.ToDictionary(m => m.FileName, m => m.Render(), StringComparer.Ordinal);
        files.Add(Kustomization.FileName, Kustomization.Render(files.Keys));
        return ManifestWriter.Write(outputDirectory, files);
    }

    private static IEnumerable<ManifestFile> Manifests(DistributedApplicationModel model, KubernetesAddressing addressing)
    {
        foreach (var resource in model.Resources)
        {
            var manifest = resource switch
            {
                ProjectResource project => ProjectManifests.For(project, model, addressing),
                PostgresServerResource postgres => PostgresManifests.For(postgres, addressing),
                RedisResource redis => RedisManifests.For(redis),
                RabbitMQServerResource rabbit => RabbitMQManifests.For(rabbit, addressing),
                PostgresDatabaseResource => null, // created by its server's init script
                _ => throw new AppModelException($"'{resource.Name}' is a {resource.GetType().Name}, which the Kubernetes publisher cannot write yet."),
            };
            if (manifest is not null)
            {
                yield return manifest;
            }
        }
        if (IngressManifest.For(model) is { } ingress)
        {
            yield return ingress;
        }
    }
}
