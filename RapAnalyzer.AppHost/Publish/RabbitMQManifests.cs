using k8s.Models;
using RapAnalyzer.AppHost.LocalServers;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>A RabbitMQ broker with the management plugin: its password Secret, its Service and the StatefulSet.</summary>
internal static class RabbitMQManifests
{
    private const string Component = "messaging";

    public static ManifestFile For(LocalRabbitMQResource rabbit)
    {
        var name = rabbit.Name;
        var authSecret = $"{name}-auth";
        NamedPort[] ports =
        [
            new("amqp", LocalRabbitMQResource.ContainerPort),
            new("management", LocalRabbitMQResource.ContainerManagementPort),
        ];
        var ping = new[] { "rabbitmq-diagnostics", "-q", "ping" };
        var container = new V1Container
        {
            Name = "rabbitmq",
            Image = LocalRabbitMQResource.Image,
            Ports = [.. ports.Select(p => p.ToContainerPort())],
            Env =
            [
                new V1EnvVar { Name = "RABBITMQ_DEFAULT_USER", Value = LocalRabbitMQResource.UserName },
                new V1EnvVar
                {
                    Name = "RABBITMQ_DEFAULT_PASS",
                    ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = authSecret, Key = "password" } },
                },
            ],
            VolumeMounts = [new V1VolumeMount { Name = ServerStatefulSet.DataVolume, MountPath = "/var/lib/rabbitmq" }],
            ReadinessProbe = Probes.Exec(ping, initialDelaySeconds: 10, periodSeconds: 15, timeoutSeconds: 10),
            LivenessProbe = Probes.Exec(ping, initialDelaySeconds: 60, periodSeconds: 30, timeoutSeconds: 10),
        };
        return new ManifestFile(name,
        [
            CoreObjects.Secret(authSecret, KubernetesLabels.For(name, Component),
                [new("password", KubernetesAddressing.Password(rabbit.Password))]),
            CoreObjects.Service(name, KubernetesLabels.For(name, Component), ports, headless: true),
            ServerStatefulSet.Create(name, Component, container, dataVolumeSize: "5Gi"),
        ]);
    }
}
