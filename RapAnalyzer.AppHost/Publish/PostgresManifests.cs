using k8s.Models;
using RapAnalyzer.AppHost.LocalServers;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>A Postgres server: its password Secret, its init script, the headless Service and the StatefulSet.</summary>
internal static class PostgresManifests
{
    private const string Component = "database";
    private const string DataPath = "/var/lib/postgresql/data";
    private const string InitVolume = "init";

    public static ManifestFile For(LocalPostgresResource server)
    {
        var name = server.Name;
        var authSecret = $"{name}-auth";
        var initConfigMap = $"{name}-init";
        var port = new NamedPort("tcp", LocalPostgresResource.ContainerPort);
        var ready = new[] { "pg_isready", "-U", LocalPostgresResource.UserName };

        var container = new V1Container
        {
            Name = "postgres",
            Image = LocalPostgresResource.Image,
            Ports = [port.ToContainerPort()],
            Env =
            [
                new V1EnvVar { Name = "POSTGRES_USER", Value = LocalPostgresResource.UserName },
                new V1EnvVar
                {
                    Name = "POSTGRES_PASSWORD",
                    ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = authSecret, Key = "password" } },
                },
                // A subfolder: the volume's root may hold lost+found, which initdb refuses.
                new V1EnvVar { Name = "PGDATA", Value = $"{DataPath}/pgdata" },
            ],
            VolumeMounts =
            [
                new V1VolumeMount { Name = ServerStatefulSet.DataVolume, MountPath = DataPath },
                new V1VolumeMount { Name = InitVolume, MountPath = "/docker-entrypoint-initdb.d", ReadOnlyProperty = true },
            ],
            ReadinessProbe = Probes.Exec(ready, initialDelaySeconds: 5, periodSeconds: 10),
            LivenessProbe = Probes.Exec(ready, initialDelaySeconds: 30, periodSeconds: 20),
        };
        V1Volume[] volumes = [new() { Name = InitVolume, ConfigMap = new V1ConfigMapVolumeSource { Name = initConfigMap } }];

        return new ManifestFile(name,
        [
            CoreObjects.Secret(authSecret, KubernetesLabels.For(name, Component),
                [new("password", KubernetesAddressing.Password(server.Password))]),
            CoreObjects.ConfigMap(initConfigMap, KubernetesLabels.For(name, Component),
                [new(PostgresInitScript.FileName, PostgresInitScript.For(server))]),
            CoreObjects.Service(name, KubernetesLabels.For(name, Component), [port], headless: true),
            ServerStatefulSet.Create(name, Component, container, dataVolumeSize: "10Gi", volumes),
        ]);
    }
}
