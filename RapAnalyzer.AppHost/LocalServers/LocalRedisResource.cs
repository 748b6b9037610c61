using System.Globalization;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>redis-server from the machine's packages on a loopback port; a cache, so nothing is saved to disk.</summary>
public sealed class LocalRedisResource(string name, string workingDirectory, int port)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public const string Image = "redis:7.0";
    public const int ContainerPort = 6379;

    public int Port => port;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
}
