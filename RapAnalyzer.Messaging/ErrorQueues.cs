using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace RapAnalyzer.Messaging;

/// <summary>
/// The error queues of this service's consumers (<c>{queue}_error</c>, where MassTransit moves a message that
/// still fails after its retries): how many messages each holds, and a replay that moves them back to the
/// consumer's queue, each acknowledged only after the broker has confirmed its republication.
/// </summary>
public sealed class ErrorQueues(Uri amqp, IReadOnlyList<string> queues) : IAsyncDisposable
{
    public const string Suffix = "_error";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    public IReadOnlyList<string> Queues => queues;

    public async Task<IReadOnlyList<ErrorQueueCount>> CountAsync(CancellationToken cancellationToken)
    {
        var counts = new List<ErrorQueueCount>();
        foreach (var queue in queues)
        {
            // A passive declare of a missing queue closes the channel, so each queue gets its own.
            await using var channel = await (await ConnectAsync(cancellationToken)).CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                var declared = await channel.QueueDeclarePassiveAsync(queue + Suffix, cancellationToken);
                counts.Add(new ErrorQueueCount(queue, queue + Suffix, declared.MessageCount));
            }
            catch (OperationInterruptedException)
            {
                counts.Add(new ErrorQueueCount(queue, queue + Suffix, 0));
            }
        }
        return counts;
    }

    public async Task<int> ReplayAsync(string queue, int max, CancellationToken cancellationToken)
    {
        if (!queues.Contains(queue))
        {
            throw new ArgumentException($"'{queue}' is not a queue of this service.", nameof(queue));
        }
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true);
        await using var channel = await (await ConnectAsync(cancellationToken)).CreateChannelAsync(options, cancellationToken);
        var replayed = 0;
        try
        {
            while (replayed < max && await channel.BasicGetAsync(queue + Suffix, autoAck: false, cancellationToken) is { } message)
            {
                var properties = new BasicProperties(message.BasicProperties);
                await channel.BasicPublishAsync("", queue, mandatory: true, properties, message.Body, cancellationToken);
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                replayed++;
            }
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.NotFound)
        {
            // MassTransit declares an error queue with its first failure: a queue that never failed has none to replay.
        }
        return replayed;
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }
            _connection?.Dispose();
            var factory = new ConnectionFactory { Uri = amqp, ClientProvidedName = "error-queues" };
            _connection = await factory.CreateConnectionAsync(cancellationToken);
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}

public sealed record ErrorQueueCount(string Queue, string ErrorQueue, uint Messages);
