using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>Healthy once the server answers PING.</summary>
public sealed class RedisHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellationToken);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("no PONG");
        }
        catch (SocketException e)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
