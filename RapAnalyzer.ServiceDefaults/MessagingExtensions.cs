using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ on the named amqp:// connection string. Queues are prefixed with the service
    /// name, so two services consuming the same event each get their own durable queue; a message that keeps
    /// failing after the retries lands in that queue's <c>_error</c> queue.
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string connectionName,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IRegistrationContext, IReceiveEndpointConfigurator>? configureEndpoint = null)
    {
        var amqp = builder.GetAmqpUri(connectionName);
        var serviceName = builder.Environment.ApplicationName.ToLowerInvariant();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            configure?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseMessageRetry(retry => retry.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(500)));
                configureEndpoint?.Invoke(context, endpoint);
            });
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(amqp);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }
}
