using k8s.Models;
using RapAnalyzer.AppHost.LocalServers;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>A Redis cache: nothing saved to disk, so a StatefulSet of one pod without a volume, and its Service.</summary>
internal static class RedisManifests
{
    private const string Component = "cache";

    public static ManifestFile For(LocalRedisResource redis)
    {
        var port = new NamedPort("tcp", LocalRedisResource.ContainerPort);
        var ping = new[] { "redis-cli", "ping" };
        var container = new V1Container
        {
            Name = "redis",
            Image = LocalRedisResource.Image,
            Args = ["--save", "", "--appendonly", "no"],
            Ports = [port.ToContainerPort()],
            ReadinessProbe = Probes.Exec(ping, initialDelaySeconds: 2, periodSeconds: 10),
            LivenessProbe = Probes.Exec(ping, initialDelaySeconds: 10, periodSeconds: 20),
        };
        return new ManifestFile(redis.Name,
        [
            CoreObjects.Service(redis.Name, KubernetesLabels.For(redis.Name, Component), [port], headless: true),
            ServerStatefulSet.Create(redis.Name, Component, container),
        ]);
    }
}
