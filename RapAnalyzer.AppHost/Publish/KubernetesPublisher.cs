using RapAnalyzer.AppHost.LocalServers;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// Writes Aspire's application model as a kustomize base: one file per server or service, the Ingress, and
/// kustomization.yaml. The same model always gives the same bytes, so the committed k8s/ folder can be checked by a test.
/// </summary>
public static class KubernetesPublisher
{
    public const string GeneratedHeader =
        "# Generated from RapAnalyzer.AppHost/AppModel.cs by `dotnet run --project RapAnalyzer.AppHost -- publish`; do not edit.\n" +
        "# Change deployment-specific values (Secrets, images, replicas, ingress class) in a kustomize overlay.\n";

    /// <summary>The <c>publish [--output DIR]</c> verb: the model in publish mode, written to <c>k8s/</c> beside the solution by default.</summary>
    public static int Run(string[] args)
    {
        var index = Array.IndexOf(args, "--output");
        var output = Path.GetFullPath(index >= 0 && index + 1 < args.Length
            ? args[index + 1]
            : Path.Combine(Path.GetDirectoryName(DataFolder.Default())!, "k8s"));
        var files = Write(PublishModel(), output);
        Console.WriteLine($"Wrote {files.Count} files to {output}; deploy with: kubectl apply -k {output}");
        return 0;
    }

    /// <summary>The app model as Aspire builds it for publishing: every resource declared, nothing started.</summary>
    public static IReadOnlyList<IResource> PublishModel()
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = ["--operation", "publish", "--publisher", "manifest"],
            DisableDashboard = true,
        });
        AppModel.Define(builder);
        return [.. builder.Resources];
    }

    /// <summary>Writes the manifests into <paramref name="outputDirectory"/> and returns the files written, relative to it, sorted.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<IResource> resources, string outputDirectory)
    {
        var manifests = Manifests(resources).ToList();
        var clash = manifests.Select(m => m.FileName).Append(Kustomization.FileName)
            .GroupBy(name => name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException($"Two manifests would be written to {clash.Key}; rename the resource.");
        }

        var files = manifests.ToDictionary(m => m.FileName, m => m.Render(), StringComparer.Ordinal);
        files.Add(Kustomization.FileName, Kustomization.Render(files.Keys));
        return ManifestWriter.Write(outputDirectory, files);
    }

    private static IEnumerable<ManifestFile> Manifests(IReadOnlyList<IResource> resources)
    {
        foreach (var resource in resources)
        {
            var manifest = resource switch
            {
                ProjectResource project => ProjectManifests.For(project),
                LocalPostgresResource postgres => PostgresManifests.For(postgres),
                LocalRedisResource redis => RedisManifests.For(redis),
                LocalRabbitMQResource rabbit => RabbitMQManifests.For(rabbit),
                // Created by its server's init script; parameters live in the Secrets of what uses them; epmd is in the broker's image.
                PostgresDatabaseResource or ParameterResource => null,
                ExecutableResource executable when executable.Annotations.OfType<ManifestPublishingCallbackAnnotation>().Any() => null,
                _ => throw new InvalidOperationException(
                    $"'{resource.Name}' is a {resource.GetType().Name}, which the Kubernetes publisher cannot write yet."),
            };
            if (manifest is not null)
            {
                yield return manifest;
            }
        }
        if (IngressManifest.For(resources) is { } ingress)
        {
            yield return ingress;
        }
    }
}
