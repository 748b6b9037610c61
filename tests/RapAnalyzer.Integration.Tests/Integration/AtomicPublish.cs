using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// Publishes messages as MassTransit would, but in one AMQP transaction: they reach the consumer's queue at the same
/// moment, so a batch consumer takes them in as few batches as it can however slowly they were published.
/// </summary>
public static class AtomicPublish
{
    public static async Task PublishAsync<T>(IEnumerable<T> messages) where T : class
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.ConnectionString("messaging")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.TxSelectAsync();
        // MassTransit's exchange for a message type, and its JSON envelope.
        var exchange = $"{typeof(T).Namespace}:{typeof(T).Name}";
        foreach (var message in messages)
        {
            var envelope = new
            {
                messageId = Guid.NewGuid(),
                messageType = new[] { $"urn:message:{exchange}" },
                message,
                sentTime = DateTime.UtcNow,
            };
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
            await channel.BasicPublishAsync(exchange, "", mandatory: false, properties,
                Encoding.UTF8.GetBytes(JsonSerializer.Serialize(envelope, JsonSerializerOptions.Web)));
        }
        await channel.TxCommitAsync();
    }
}
