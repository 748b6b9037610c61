using System.Collections.Concurrent;
using MassTransit;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>A stand-in for MassTransit's publish endpoint that keeps what was published.</summary>
public sealed class RecordingPublishEndpoint : IPublishEndpoint
{
    private readonly ConcurrentQueue<object> _published = new();

    public IReadOnlyList<T> Published<T>() => [.. _published.OfType<T>()];

    public Task Publish<T>(T message, CancellationToken cancellationToken = default) where T : class => Record(message);

    public Task Publish<T>(T message, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Record(message);

    public Task Publish<T>(T message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => Record(message);

    public Task Publish(object message, CancellationToken cancellationToken = default) => Record(message);

    public Task Publish(object message, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default) =>
        Record(message);

    public Task Publish(object message, Type messageType, CancellationToken cancellationToken = default) => Record(message);

    public Task Publish(object message, Type messageType, IPipe<PublishContext> publishPipe,
        CancellationToken cancellationToken = default) => Record(message);

    public Task Publish<T>(object values, CancellationToken cancellationToken = default) where T : class =>
        throw new NotSupportedException("The scraper publishes messages, not initializer values.");

    public Task Publish<T>(object values, IPipe<PublishContext<T>> publishPipe, CancellationToken cancellationToken = default)
        where T : class => throw new NotSupportedException("The scraper publishes messages, not initializer values.");

    public Task Publish<T>(object values, IPipe<PublishContext> publishPipe, CancellationToken cancellationToken = default)
        where T : class => throw new NotSupportedException("The scraper publishes messages, not initializer values.");

    public ConnectHandle ConnectPublishObserver(IPublishObserver observer) => throw new NotSupportedException();

    private Task Record(object message)
    {
        _published.Enqueue(message);
        return Task.CompletedTask;
    }
}
