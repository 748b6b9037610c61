using k8s.Models;
using RapAnalyzer.AppHost.Services;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// A project: its settings in a ConfigMap, its connection strings in a Secret, a Deployment reading both (and, for a
/// project taking settings from the host, such as external API credentials, an optional Secret the operator creates),
/// a Service with its endpoints, and a HorizontalPodAutoscaler (every project is stateless).
/// </summary>
internal static class ProjectManifests
{
    private const string ConnectionStringPrefix = "ConnectionStrings__";
    private const int MaxReplicas = 5;

    public static ManifestFile For(ProjectResource project)
    {
        var environment = ProjectEnvironment.For(project);
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var settings = environment.Where(e => !IsConnectionString(e.Key));
        var connections = environment.Where(e => IsConnectionString(e.Key));
        var component = Component(project);

        return new ManifestFile(project.Name,
        [
            CoreObjects.ConfigMap(ConfigMapName(project), KubernetesLabels.For(project.Name, component), settings),
            CoreObjects.Secret(SecretName(project), KubernetesLabels.For(project.Name, component), connections),
            CoreObjects.Service(project.Name, KubernetesLabels.For(project.Name, component), Ports(project)),
            Deployment(project, component),
            Autoscaler(project, component),
        ]);
    }

    public static string ConfigMapName(ProjectResource project) => $"{project.Name}-config";

    public static string SecretName(ProjectResource project) => $"{project.Name}-connections";

    /// <summary>
    /// The Secret holding the external API settings the project takes as parameters in a local run (Spotify__ClientId...). Not
    /// generated, since its values are the operator's; optional, so a cluster without it runs without those APIs.
    /// </summary>
    public static string ExternalSecretName(ProjectResource project) => $"{project.Name}-external";

    private static bool IsConnectionString(string variable) => variable.StartsWith(ConnectionStringPrefix, StringComparison.Ordinal);

    private static string Component(ProjectResource project) => KubernetesAddressing.IsExternal(project) ? "gateway" : "service";

    private static IEnumerable<NamedPort> Ports(ProjectResource project) =>
        ProjectEnvironment.Endpoints(project).Select(e => new NamedPort(e.Name, KubernetesAddressing.ContainerPort(e)));

    private static int Replicas(ProjectResource project) => project.Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;

    private static V1Deployment Deployment(ProjectResource project, string component) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = project.Name, Labels = KubernetesLabels.For(project.Name, component) },
        Spec = new V1DeploymentSpec
        {
            Replicas = Replicas(project),
            Selector = new V1LabelSelector { MatchLabels = KubernetesLabels.Selector(project.Name) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = KubernetesLabels.For(project.Name, component) },
                Spec = new V1PodSpec
                {
                    EnableServiceLinks = false,
                    Containers =
                    [
                        new V1Container
                        {
                            Name = project.Name,
                            Image = $"rapanalyzer/{project.Name}:latest",
                            Ports = [.. Ports(project).Select(p => p.ToContainerPort())],
                            EnvFrom =
                            [
                                new V1EnvFromSource { ConfigMapRef = new V1ConfigMapEnvSource { Name = ConfigMapName(project) } },
                                new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = SecretName(project) } },
                                .. project.Annotations.OfType<ExternalSettings.ExternalSettingAnnotation>().Any()
                                    ? [new V1EnvFromSource { SecretRef = new V1SecretEnvSource { Name = ExternalSecretName(project), Optional = true } }]
                                    : Array.Empty<V1EnvFromSource>(),
                            ],
                            ReadinessProbe = Probes.HttpGet("/health", ServiceEndpoints.Http, initialDelaySeconds: 5, periodSeconds: 10),
                            LivenessProbe = Probes.HttpGet("/alive", ServiceEndpoints.Http, initialDelaySeconds: 15, periodSeconds: 20),
                            Resources = ContainerResources.Standard(),
                        },
                    ],
                },
            },
        },
    };

    private static V2HorizontalPodAutoscaler Autoscaler(ProjectResource project, string component) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = new V1ObjectMeta { Name = project.Name, Labels = KubernetesLabels.For(project.Name, component) },
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = project.Name },
            MinReplicas = Replicas(project),
            MaxReplicas = Math.Max(MaxReplicas, Replicas(project)),
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = 70 },
                    },
                },
            ],
        },
    };
}
