using Microsoft.Extensions.Diagnostics.HealthChecks;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>Healthy once the broker accepts an AMQP connection with the resource's credentials.</summary>
public sealed class RabbitMQHealthCheck(IResourceWithConnectionString broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var factory = new ConnectionFactory
            {
                Uri = new Uri((await broker.ConnectionStringExpression.GetValueAsync(cancellationToken))!),
                RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            return connection.IsOpen ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("connection closed");
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or System.Net.Sockets.SocketException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
