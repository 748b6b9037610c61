using System.Data.Common;
using System.Text;
using k8s;
using k8s.Models;
using RapAnalyzer.AppHost.Publish;
using YamlDotNet.Serialization;

namespace RapAnalyzer.AppHost.Tests;

/// <summary>The committed k8s/ folder is exactly what the app model publishes, and it describes a system that can work.</summary>
public class KubernetesManifestTests
{
    private const string Kustomization = "kustomization.yaml";
    private const string Regenerate = "run `dotnet run --project RapAnalyzer.AppHost -- publish` and commit k8s/";

    private static string ManifestDirectory => Path.Combine(RepositoryRoot(), "k8s");
    private static readonly IReadOnlyList<IResource> Model = KubernetesPublisher.PublishModel();
    private static readonly Lazy<IReadOnlyList<object>> Objects = new(LoadObjects);

    [Test]
    public void Committed_manifests_are_exactly_what_publish_writes()
    {
        var temp = Directory.CreateTempSubdirectory("rapanalyzer-k8s-");
        try
        {
            var written = KubernetesPublisher.Write(Model, temp.FullName);

            var committedFiles = YamlFiles(ManifestDirectory);
            Assert.That(committedFiles, Is.EqualTo(written),
                $"k8s/ lacks [{string.Join(", ", written.Except(committedFiles))}] and has stale " +
                $"[{string.Join(", ", committedFiles.Except(written))}]; {Regenerate}.");
            using (Assert.EnterMultipleScope())
            {
                foreach (var file in written)
                {
                    var expected = File.ReadAllBytes(Path.Combine(temp.FullName, file));
                    var committed = File.ReadAllBytes(Path.Combine(ManifestDirectory, file));
                    var message = $"k8s/{file} is out of date; {Regenerate}.";
                    var (expectedText, committedText) = (Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(committed));
                    if (committedText != expectedText)
                    {
                        Assert.That(committedText, Is.EqualTo(expectedText), message); // shows where the text differs
                    }
                    else
                    {
                        Assert.That(committed, Is.EqualTo(expected), message); // a BOM or another encoding
                    }
                }
            }
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Test]
    public void Publishing_twice_gives_the_same_bytes()
    {
        var first = Directory.CreateTempSubdirectory("rapanalyzer-k8s-");
        var second = Directory.CreateTempSubdirectory("rapanalyzer-k8s-");
        try
        {
            var files = KubernetesPublisher.Write(KubernetesPublisher.PublishModel(), first.FullName);
            Assert.That(KubernetesPublisher.Write(KubernetesPublisher.PublishModel(), second.FullName), Is.EqualTo(files));
            foreach (var file in files)
            {
                Assert.That(File.ReadAllBytes(Path.Combine(second.FullName, file)),
                    Is.EqualTo(File.ReadAllBytes(Path.Combine(first.FullName, file))), file);
            }
        }
        finally
        {
            first.Delete(recursive: true);
            second.Delete(recursive: true);
        }
    }

    [Test]
    public void Publish_deletes_stale_manifests_and_keeps_other_files()
    {
        var temp = Directory.CreateTempSubdirectory("rapanalyzer-k8s-");
        try
        {
            File.WriteAllText(Path.Combine(temp.FullName, "removed-service.yaml"), "kind: Deployment\n");
            File.WriteAllText(Path.Combine(temp.FullName, "README.md"), "# overlays\n");

            var written = KubernetesPublisher.Write(Model, temp.FullName);

            Assert.That(YamlFiles(temp.FullName), Is.EqualTo(written));
            Assert.That(File.Exists(Path.Combine(temp.FullName, "README.md")), Is.True);
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    [Test]
    public void Every_manifest_parses_into_named_typed_objects()
    {
        foreach (var file in YamlFiles(ManifestDirectory).Where(f => f != Kustomization))
        {
            var objects = KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(ManifestDirectory, file)));
            Assert.That(objects, Is.Not.Empty, file);
            foreach (var item in objects)
            {
                Assert.That(item, Is.InstanceOf<IKubernetesObject<V1ObjectMeta>>(), file);
                var kubernetesObject = (IKubernetesObject<V1ObjectMeta>)item;
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(kubernetesObject.ApiVersion, Is.Not.Empty, file);
                    Assert.That(kubernetesObject.Kind, Is.Not.Empty, file);
                    Assert.That(kubernetesObject.Metadata?.Name, Is.Not.Empty, file);
                    Assert.That(kubernetesObject.Metadata?.Labels?["app.kubernetes.io/part-of"], Is.EqualTo("rapanalyzer"), file);
                }
            }
        }
    }

    [TestCaseSource(nameof(ProjectNames))]
    public void A_project_is_a_deployment_with_its_service_autoscaler_settings_and_secret(string name)
    {
        var project = Model.OfType<ProjectResource>().Single(p => p.Name == name);
        var deployment = Single<V1Deployment>(name);
        var container = deployment.Spec.Template.Spec.Containers.Single();
        var service = Single<V1Service>(name);
        var autoscaler = Single<V2HorizontalPodAutoscaler>(name);
        var settings = Single<V1ConfigMap>($"{name}-config");
        var connections = Single<V1Secret>($"{name}-connections");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(deployment.Spec.Replicas, Is.EqualTo(1));
            Assert.That(deployment.Spec.Selector.MatchLabels.ToArray(), Is.SubsetOf(deployment.Spec.Template.Metadata.Labels.ToArray()));
            Assert.That(container.Image, Is.EqualTo($"rapanalyzer/{name}:latest"));
            Assert.That(container.Ports.Select(p => (p.Name, p.ContainerPort)),
                Is.EqualTo(Endpoints(project).Select(e => (e.Name, e.Port))));
            Assert.That(container.EnvFrom.Select(e => e.ConfigMapRef?.Name).OfType<string>(), Is.EqualTo(new[] { settings.Metadata.Name }));
            // Settings forwarded from the host in a local run come from an optional Secret the operator creates.
            Assert.That(container.EnvFrom.Where(e => e.SecretRef is not null).Select(e => (e.SecretRef.Name, e.SecretRef.Optional)),
                Is.EqualTo(project.Annotations.OfType<RapAnalyzer.AppHost.Services.ExternalSettings.ExternalSettingAnnotation>().Any()
                    ? new[] { (connections.Metadata.Name, (bool?)null), ($"{name}-external", true) }
                    : new[] { (connections.Metadata.Name, (bool?)null) }));
            Assert.That(container.ReadinessProbe.HttpGet.Path, Is.EqualTo("/health"));
            Assert.That(container.ReadinessProbe.HttpGet.Port.Value, Is.EqualTo("http"));
            Assert.That(container.LivenessProbe.HttpGet.Path, Is.EqualTo("/alive"));
            Assert.That(container.LivenessProbe.HttpGet.Port.Value, Is.EqualTo("http"));
            Assert.That(container.Resources.Requests.Keys, Is.EquivalentTo(new[] { "cpu", "memory" }));
            Assert.That(container.Resources.Limits.Keys, Is.EquivalentTo(new[] { "cpu", "memory" }));

            Assert.That(service.Spec.Selector.ToArray(), Is.EquivalentTo(deployment.Spec.Selector.MatchLabels.ToArray()));
            Assert.That(service.Spec.Ports.Select(p => (p.Name, p.Port, p.TargetPort.Value)),
                Is.EqualTo(Endpoints(project).Select(e => (e.Name, e.Port, e.Name))));

            Assert.That(autoscaler.ApiVersion, Is.EqualTo("autoscaling/v2"));
            Assert.That(autoscaler.Spec.ScaleTargetRef.Kind, Is.EqualTo("Deployment"));
            Assert.That(autoscaler.Spec.ScaleTargetRef.Name, Is.EqualTo(name));
            Assert.That(autoscaler.Spec.MinReplicas, Is.EqualTo(1));
            Assert.That(autoscaler.Spec.MaxReplicas, Is.GreaterThanOrEqualTo(1));

            Assert.That(settings.Data["ASPNETCORE_ENVIRONMENT"], Is.EqualTo("Production"));
            Assert.That(settings.Data["Kestrel__Endpoints__http__Url"], Is.EqualTo("http://+:8080"));
            Assert.That(settings.Data.Keys, Has.None.StartsWith("ConnectionStrings__"));
            Assert.That(connections.Type, Is.EqualTo("Opaque"));
            Assert.That(connections.StringData?.Keys ?? [], Has.All.StartsWith("ConnectionStrings__"));
            Assert.That(connections.StringData?.Keys ?? [],
                Is.EquivalentTo(References(project).OfType<IResourceWithConnectionString>().Select(r => $"ConnectionStrings__{r.Name}")));
        }
    }

    [Test]
    public void Services_find_the_projects_they_reference_through_their_kubernetes_services()
    {
        foreach (var project in Model.OfType<ProjectResource>())
        {
            var settings = Single<V1ConfigMap>($"{project.Name}-config");
            foreach (var referenced in References(project).OfType<ProjectResource>())
            {
                var service = Single<V1Service>(referenced.Name);
                foreach (var endpoint in Endpoints(referenced))
                {
                    var port = service.Spec.Ports.Single(p => p.Name == endpoint.Name).Port;
                    Assert.That(settings.Data[$"services__{referenced.Name}__{endpoint.Name}__0"],
                        Is.EqualTo($"http://{service.Metadata.Name}:{port}"), project.Name);
                }
            }
        }
    }

    [TestCase("postgres", "pgvector/pgvector:0.8.0-pg15", "10Gi")]
    [TestCase("cache", "redis:7.0", null)]
    [TestCase("messaging", "rabbitmq:3.10-management", "5Gi")]
    public void Infrastructure_runs_as_a_statefulset_behind_its_service(string name, string image, string? storage)
    {
        var statefulSet = Single<V1StatefulSet>(name);
        var container = statefulSet.Spec.Template.Spec.Containers.Single();
        var service = Single<V1Service>(name);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(statefulSet.Spec.ServiceName, Is.EqualTo(service.Metadata.Name));
            Assert.That(statefulSet.Spec.Replicas, Is.EqualTo(1));
            Assert.That(container.Image, Is.EqualTo(image));
            Assert.That(container.ReadinessProbe.Exec.Command, Is.Not.Empty);
            Assert.That(container.LivenessProbe.Exec.Command, Is.Not.Empty);
            Assert.That(service.Spec.Selector.ToArray(), Is.EquivalentTo(statefulSet.Spec.Selector.MatchLabels.ToArray()));
            Assert.That(service.Spec.Ports.Select(p => p.TargetPort.Value), Is.SubsetOf(container.Ports.Select(p => p.Name)));
            Assert.That(statefulSet.Spec.VolumeClaimTemplates?.SingleOrDefault()?.Spec.Resources.Requests["storage"].ToString(),
                Is.EqualTo(storage));
        }
    }

    [Test]
    public void Postgres_creates_the_model_databases_with_their_extensions()
    {
        var postgres = Single<V1StatefulSet>("postgres");
        var container = postgres.Spec.Template.Spec.Containers.Single();
        var initMount = container.VolumeMounts.Single(m => m.MountPath == "/docker-entrypoint-initdb.d");
        var initVolume = postgres.Spec.Template.Spec.Volumes.Single(v => v.Name == initMount.Name);
        var script = Single<V1ConfigMap>(initVolume.ConfigMap.Name).Data.Values.Single();

        Assert.That(script, Does.Contain("CREATE DATABASE \"catalogdb\";\n\\c catalogdb\nCREATE EXTENSION IF NOT EXISTS vector;\n"));
    }

    [Test]
    public void Catalog_connects_to_postgres_with_the_password_postgres_is_started_with()
    {
        var connectionString = new DbConnectionStringBuilder
        {
            ConnectionString = Single<V1Secret>("catalog-connections").StringData["ConnectionStrings__catalogdb"],
        };
        var postgres = Single<V1StatefulSet>("postgres").Spec.Template.Spec.Containers.Single();
        var passwordRef = postgres.Env.Single(e => e.Name == "POSTGRES_PASSWORD").ValueFrom.SecretKeyRef;
        var password = Single<V1Secret>(passwordRef.Name).StringData[passwordRef.Key];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(connectionString["Password"], Is.EqualTo(password));
            Assert.That(connectionString["Host"], Is.EqualTo(Single<V1Service>("postgres").Metadata.Name));
            Assert.That(connectionString["Port"], Is.EqualTo(Single<V1Service>("postgres").Spec.Ports.Single().Port.ToString()));
            Assert.That(connectionString["Username"], Is.EqualTo(postgres.Env.Single(e => e.Name == "POSTGRES_USER").Value));
        }
    }

    [Test]
    public void Services_connect_to_rabbitmq_with_the_user_and_password_it_is_started_with()
    {
        var broker = new Uri(Single<V1Secret>("catalog-connections").StringData["ConnectionStrings__messaging"]);
        var rabbit = Single<V1StatefulSet>("messaging").Spec.Template.Spec.Containers.Single();
        var passwordRef = rabbit.Env.Single(e => e.Name == "RABBITMQ_DEFAULT_PASS").ValueFrom.SecretKeyRef;
        var password = Single<V1Secret>(passwordRef.Name).StringData[passwordRef.Key];
        var userInfo = broker.UserInfo.Split(':').Select(Uri.UnescapeDataString).ToArray();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(userInfo, Is.EqualTo(new[] { rabbit.Env.Single(e => e.Name == "RABBITMQ_DEFAULT_USER").Value, password }));
            Assert.That(broker.Host, Is.EqualTo(Single<V1Service>("messaging").Metadata.Name));
            Assert.That(Single<V1Service>("messaging").Spec.Ports.Select(p => p.Port), Does.Contain(broker.Port));
        }
    }

    [Test]
    public void The_ingress_sends_everything_to_the_gateway_http_port()
    {
        var ingress = Single<V1Ingress>("rapanalyzer");
        var path = ingress.Spec.Rules.Single().Http.Paths.Single();
        var gateway = Single<V1Service>("gateway");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(path.Path, Is.EqualTo("/"));
            Assert.That(path.PathType, Is.EqualTo("Prefix"));
            Assert.That(path.Backend.Service.Name, Is.EqualTo(gateway.Metadata.Name));
            Assert.That(path.Backend.Service.Port.Name, Is.EqualTo("http"));
            Assert.That(gateway.Spec.Ports.Select(p => p.Name), Does.Contain("http"));
        }
    }

    [Test]
    public void Kustomization_lists_exactly_the_other_manifests()
    {
        var kustomization = new DeserializerBuilder().Build()
            .Deserialize<Dictionary<string, object>>(File.ReadAllText(Path.Combine(ManifestDirectory, Kustomization)));
        var resources = ((List<object>)kustomization["resources"]).Cast<string>().ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(kustomization["apiVersion"], Is.EqualTo("kustomize.config.k8s.io/v1beta1"));
            Assert.That(kustomization["kind"], Is.EqualTo("Kustomization"));
            Assert.That(resources, Is.EqualTo(YamlFiles(ManifestDirectory).Where(f => f != Kustomization)));
        }
    }

    /// <summary>A service's endpoints as its container listens on them: http on 8080, grpc (the gateway has none) on 8081.</summary>
    private static IEnumerable<(string Name, int Port)> Endpoints(IResource project) =>
        project.Annotations.OfType<EndpointAnnotation>()
            .Select(e => (e.Name, e.Name == "http" ? 8080 : 8081))
            .OrderBy(e => e.Item2);

    private static IEnumerable<IResource> References(IResource project) =>
        project.Annotations.OfType<ResourceRelationshipAnnotation>().Where(r => r.Type == "Reference").Select(r => r.Resource).Distinct();

    private static IEnumerable<string> ProjectNames() => Model.OfType<ProjectResource>().Select(p => p.Name);

    private static T Single<T>(string name) where T : IKubernetesObject<V1ObjectMeta>
    {
        var matches = Objects.Value.OfType<T>().Where(o => o.Metadata.Name == name).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"k8s/ should hold one {typeof(T).Name} named '{name}'.");
        return matches[0];
    }

    private static List<object> LoadObjects() =>
        [.. YamlFiles(ManifestDirectory).Where(f => f != Kustomization)
            .SelectMany(f => KubernetesYaml.LoadAllFromString(File.ReadAllText(Path.Combine(ManifestDirectory, f))))];

    private static List<string> YamlFiles(string directory) =>
        [.. Directory.GetFiles(directory, "*.yaml").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RapAnalyzer.sln")))
            {
                return directory.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No RapAnalyzer.sln above {TestContext.CurrentContext.TestDirectory}.");
    }
}
