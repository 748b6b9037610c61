using MassTransit;
using MassTransit.Middleware.Rescue;
using MassTransit.Transports;

namespace RapAnalyzer.Messaging;

/// <summary>
/// Settles one message of a batch on its own, while the rest of the batch goes on: a message settled is acknowledged
/// with its batch, is not faulted if the batch fails after all, and is left out when the batch is retried.
/// </summary>
public static class BatchMessages
{
    /// <summary>Whether the message was settled, by this attempt at its batch or an earlier one.</summary>
    public static bool IsSettled(this ConsumeContext message) => message.ReceiveContext.IsDelivered;

    /// <summary>Settles a message that was processed.</summary>
    public static Task SettleAsync<TConsumer, T>(this ConsumeContext<T> message)
        where TConsumer : IConsumer
        where T : class =>
        message.NotifyConsumed(message.ReceiveContext.ElapsedTime, typeof(TConsumer).Name);

    /// <summary>
    /// Settles a message that cannot be processed as MassTransit faults a message whose consumer threw: <c>Fault&lt;T&gt;</c>
    /// is published, and the message moves, as it was received, to its queue's <c>_error</c> queue with the MT-Fault-*
    /// headers naming the reason, where <see cref="ErrorQueues"/> lists and replays it.
    /// </summary>
    public static async Task FaultAsync<TConsumer, T>(this ConsumeContext<T> message, UnprocessableMessageException reason)
        where TConsumer : IConsumer
        where T : class
    {
        if (!message.ReceiveContext.TryGetPayload(out IErrorTransport? errorTransport))
        {
            throw new InvalidOperationException($"{message.ReceiveContext.InputAddress} has no error queue to move a faulted message to.", reason);
        }
        // First, so that the moved message names the consumer, as MassTransit's own fault does.
        await message.NotifyFaulted(message.ReceiveContext.ElapsedTime, typeof(TConsumer).Name, reason);
        await errorTransport.Send(new RescueExceptionReceiveContext(message.ReceiveContext, reason));
        await message.SettleAsync<TConsumer, T>();
    }
}
