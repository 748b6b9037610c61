using System.Diagnostics;
using System.Text.Json;
using MassTransit;

namespace RapAnalyzer.Messaging.Outbox;

public static class OutboxPublishing
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Publishes the event a row holds under the row's MessageId, so that a re-publish after a crash is recognised as
    /// the same message, and in the trace of the request or consumer that saved it.
    /// </summary>
    public static async Task PublishAsync(this IPublishEndpoint publisher, OutboxMessage message, CancellationToken cancellationToken)
    {
        var type = Type.GetType(message.MessageType, throwOnError: true)!;
        var body = JsonSerializer.Deserialize(message.Body, type, JsonSerializerOptions.Web)!;
        using var activity = OutboxTracing.StartPublish(message, type);
        using var publishTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        publishTimeout.CancelAfter(PublishTimeout);
        try
        {
            await publisher.Publish(body, type, context => context.MessageId = message.MessageId, publishTimeout.Token);
        }
        catch (Exception e)
        {
            activity?.AddException(e).SetStatus(ActivityStatusCode.Error, e.Message);
            throw;
        }
    }
}
