using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace RapAnalyzer.Integration.Tests;

/// <summary>Takes the messages a test parked from an error queue, with their headers, and leaves every other there.</summary>
public static class ErrorQueueReader
{
    /// <summary>The messages whose body holds <paramref name="text"/> as a JSON string, once at least one is there.</summary>
    public static Task<IReadOnlyList<ParkedMessage>> TakeEventuallyAsync(string errorQueue, string text) => Eventually.GetAsync(
        () => TakeAsync(errorQueue, body => body.Contains($"\"{text}\"", StringComparison.Ordinal)),
        parked => parked.Count > 0, TimeSpan.FromSeconds(30));

    public static async Task<IReadOnlyList<ParkedMessage>> TakeAsync(string errorQueue, Func<string, bool> bodyMatches)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.ConnectionString("messaging")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<ParkedMessage>();
        try
        {
            // Unacknowledged, the others go back to the queue when the channel closes.
            while (await channel.BasicGetAsync(errorQueue, autoAck: false) is { } message)
            {
                var body = Encoding.UTF8.GetString(message.Body.Span);
                if (bodyMatches(body))
                {
                    var headers = (message.BasicProperties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
                        h => h.Key, h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : h.Value?.ToString());
                    taken.Add(new ParkedMessage(body, headers));
                    await channel.BasicAckAsync(message.DeliveryTag, multiple: false);
                }
            }
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            // No message has failed there yet, so MassTransit has not declared the queue.
        }
        return taken;
    }
}

public sealed record ParkedMessage(string Body, IReadOnlyDictionary<string, string?> Headers);
