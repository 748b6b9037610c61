using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Messaging;

namespace Microsoft.Extensions.Hosting;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ on the named amqp:// connection string. Queues are prefixed with the service
    /// name, so two services consuming the same event each get their own durable queue; a message that keeps
    /// failing after the retries lands in that queue's <c>_error</c> queue, which <see cref="ErrorQueues"/> lists and replays
    /// and <see cref="ErrorQueueMetrics"/> reports; each service maps their API itself (<see cref="ErrorQueuesApi.MapErrorQueuesApi"/>).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string connectionName,
        Action<IBusRegistrationConfigurator>? configure = null,
        Action<IRegistrationContext, IReceiveEndpointConfigurator>? configureEndpoint = null)
    {
        var amqp = builder.GetAmqpUri(connectionName);
        var serviceName = builder.Environment.ApplicationName.ToLowerInvariant();

        var endpointNames = new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false);
        builder.Services.AddMassTransit(bus =>
        {
            bus.SetEndpointNameFormatter(endpointNames);
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

        var queues = ConsumerTypes(builder.Services).Select(consumer => ConsumerQueue(endpointNames, consumer)).Order().ToList();
        builder.Services.AddSingleton(new ErrorQueues(amqp, queues));
        builder.Services.AddSingleton<ErrorQueueMetrics>();
        builder.Services.AddHostedService<ErrorQueueDepthRefresher>();
        return builder;
    }

    /// <summary>MassTransit registers each consumer in the container under its own type.</summary>
    private static IEnumerable<Type> ConsumerTypes(IServiceCollection services) =>
        services.Select(d => d.ServiceType)
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IConsumer).IsAssignableFrom(t))
            .Distinct();

    private static string ConsumerQueue(IEndpointNameFormatter formatter, Type consumer) =>
        (string)typeof(IEndpointNameFormatter).GetMethod(nameof(IEndpointNameFormatter.Consumer))!
            .MakeGenericMethod(consumer).Invoke(formatter, null)!;
}
