using System.Collections.Concurrent;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Testing;

namespace RapAnalyzer.Messaging.Tests;

/// <summary>
/// One message of a batch faulted while the others succeed, on MassTransit's in-memory transport with retries as every
/// service has them: its Fault is published at once, it lands in the error queue with the reason, and nothing else does,
/// also when the batch fails afterwards and is retried.
/// </summary>
public sealed class BatchMessagesTests
{
    private const string Queue = "batch-songs";

    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private Recorded _recorded = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _recorded = new Recorded();
        _provider = new ServiceCollection()
            .AddSingleton(_recorded)
            .AddMassTransitTestHarness(bus =>
            {
                bus.AddConsumer<SongBatchConsumer>(consumer => consumer.Options<BatchOptions>(batch =>
                        batch.SetMessageLimit(3).SetTimeLimit(TimeSpan.FromSeconds(5))))
                    .Endpoint(endpoint => endpoint.Name = Queue);
                bus.AddConfigureEndpointsCallback((_, _, endpoint) => endpoint.UseMessageRetry(retry => retry.Immediate(5)));
                bus.UsingInMemory((context, memory) =>
                {
                    // What reaches the error queue, and only that: not bound to the published songs.
                    memory.ReceiveEndpoint(Queue + ErrorQueues.Suffix, endpoint =>
                    {
                        endpoint.ConfigureConsumeTopology = false;
                        endpoint.Handler<Song>(parked =>
                        {
                            _recorded.Parked.Enqueue(parked);
                            return Task.CompletedTask;
                        });
                    });
                    memory.ConfigureEndpoints(context);
                });
            })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }

    private async Task<(IReadOnlyList<ConsumeContext<Song>> Parked, IReadOnlyList<Fault<Song>> Faults)> ConsumeAsync(params Song[] songs)
    {
        await _harness.Bus.PublishBatch(songs);
        await Eventually.GetAsync(() => Task.FromResult(_recorded.Stored.Count), stored => stored >= songs.Length - 1, TimeSpan.FromSeconds(10));
        // Give a wrongly parked, faulted or retried message time to show up before counting.
        await Task.Delay(TimeSpan.FromSeconds(1));
        return ([.. _recorded.Parked], [.. _harness.Published.Select<Fault<Song>>().Select(f => f.Context.Message)]);
    }

    [Test]
    public async Task Only_the_faulted_message_is_parked_with_its_reason_and_announced_as_a_fault()
    {
        var (parked, faults) = await ConsumeAsync(new Song("good one"), new Song("bad one"), new Song("good two"));

        Assert.Multiple(() =>
        {
            Assert.That(_recorded.Stored, Is.EquivalentTo(new[] { "good one", "good two" }));
            Assert.That(_recorded.Attempts.Count(title => title == "bad one"), Is.EqualTo(1), "a message that cannot be processed is not retried");
            Assert.That(parked.Select(p => p.Message.Title), Is.EqualTo(new[] { "bad one" }));
            Assert.That(parked[0].ReceiveContext.TransportHeaders.Get<string>("MT-Reason"), Is.EqualTo("fault"));
            Assert.That(parked[0].ReceiveContext.TransportHeaders.Get<string>("MT-Fault-Message"), Is.EqualTo("'bad one' breaks a rule."));
            Assert.That(parked[0].ReceiveContext.TransportHeaders.Get<string>("MT-Fault-ExceptionType"), Does.Contain(nameof(UnprocessableMessageException)));
            Assert.That(parked[0].ReceiveContext.TransportHeaders.Get<string>("MT-Fault-ConsumerType"), Is.EqualTo(nameof(SongBatchConsumer)));
            Assert.That(faults.Select(f => f.Message.Title), Is.EqualTo(new[] { "bad one" }));
            Assert.That(faults.Single().Exceptions.Single().Message, Is.EqualTo("'bad one' breaks a rule."));
        });
    }

    [Test]
    public async Task A_batch_that_fails_after_faulting_a_message_is_retried_without_it()
    {
        _recorded.FailuresLeft = 1;

        var (parked, faults) = await ConsumeAsync(new Song("good one"), new Song("bad one"), new Song("good two"));

        Assert.Multiple(() =>
        {
            Assert.That(_recorded.FailuresLeft, Is.Zero, "the batch failed once");
            Assert.That(_recorded.Stored, Is.EquivalentTo(new[] { "good one", "good two" }));
            Assert.That(_recorded.Attempts.Count(title => title == "bad one"), Is.EqualTo(1));
            Assert.That(parked.Select(p => p.Message.Title), Is.EqualTo(new[] { "bad one" }));
            Assert.That(faults.Select(f => f.Message.Title), Is.EqualTo(new[] { "bad one" }));
        });
    }

    public sealed record Song(string Title);

    public sealed class Recorded
    {
        public ConcurrentQueue<string> Attempts { get; } = new();
        public ConcurrentQueue<string> Stored { get; } = new();
        public ConcurrentQueue<ConsumeContext<Song>> Parked { get; } = new();

        /// <summary>How many attempts at a batch fail after its bad songs were faulted, as a database going away would.</summary>
        public int FailuresLeft { get; set; }
    }

    /// <summary>Faults the songs of a batch whose title starts with "bad", then stores the others.</summary>
    public sealed class SongBatchConsumer(Recorded recorded) : IConsumer<Batch<Song>>
    {
        public async Task Consume(ConsumeContext<Batch<Song>> context)
        {
            var good = new List<string>();
            foreach (var song in context.Message.Where(m => !m.IsSettled()))
            {
                recorded.Attempts.Enqueue(song.Message.Title);
                if (song.Message.Title.StartsWith("bad", StringComparison.Ordinal))
                {
                    await song.FaultAsync<SongBatchConsumer, Song>(new UnprocessableMessageException($"'{song.Message.Title}' breaks a rule."));
                }
                else
                {
                    good.Add(song.Message.Title);
                }
            }
            if (recorded.FailuresLeft > 0)
            {
                recorded.FailuresLeft--;
                throw new InvalidOperationException("The database went away.");
            }
            good.ForEach(recorded.Stored.Enqueue);
        }
    }
}
