using System.Collections.Concurrent;
using MassTransit;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// A MassTransit bus on the test RabbitMQ with a temporary queue that records every <typeparamref name="T"/>
/// published while it runs, as a service's consumer would see them.
/// </summary>
public sealed class TestBus<T> : IAsyncDisposable where T : class
{
    private readonly IBusControl _bus;

    private TestBus(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<ConsumeContext<T>> Received { get; } = new();

    public IPublishEndpoint Publisher => _bus;

    public static async Task<TestBus<T>> StartAsync()
    {
        TestBus<T>? testBus = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestInfrastructure.ConnectionString("messaging")));
            // Letters and digits only: a generic type's name ("Fault`1") is no queue name.
            rabbit.ReceiveEndpoint($"test-{string.Concat(typeof(T).Name.Where(char.IsLetterOrDigit))}-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.Handler<T>(context =>
                {
                    testBus!.Received.Enqueue(context);
                    return Task.CompletedTask;
                });
            });
        });
        testBus = new TestBus<T>(bus);
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return testBus;
    }

    public async Task<IReadOnlyList<T>> WaitForAsync(Func<T, bool> match, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var matching = Received.Select(c => c.Message).Where(match).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }
            await Task.Delay(100);
        }
        return Received.Select(c => c.Message).Where(match).ToList();
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
