using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.Messaging.Outbox;
using RapAnalyzer.Testing;

namespace RapAnalyzer.Messaging.Tests;

/// <summary>
/// An event saved to the outbox while a request or consumer is traced is published in that trace, as the dispatcher
/// publishes each row: so the trace of one import goes on past the catalog to the services that consume its events.
/// </summary>
public sealed class OutboxTracingTests
{
    private const string RequestSourceName = "RapAnalyzer.Messaging.Tests.Request";
    private static readonly ActivitySource Request = new(RequestSourceName);

    private readonly ConcurrentQueue<Activity> _stopped = new();
    private ActivityListener _listener = null!;

    [SetUp]
    public void Listen()
    {
        _listener = new ActivityListener
        {
            // By name: a source created while the listener is being added could miss it.
            ShouldListenTo = source => source.Name is RapAnalyzerTelemetry.OutboxSourceName or "MassTransit" or RequestSourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [TearDown]
    public void Dispose() => _listener.Dispose();

    [Test]
    public void Saving_within_an_activity_records_its_trace_context()
    {
        using var request = Request.StartActivity("store track")!;
        request.TraceStateString = "rapanalyzer=import";

        var row = Enqueue(new Stored("Still D.R.E."));

        Assert.Multiple(() =>
        {
            Assert.That(row.TraceParent, Is.EqualTo(request.Id));
            Assert.That(row.TraceState, Is.EqualTo("rapanalyzer=import"));
        });
    }

    [Test]
    public void Saving_outside_any_activity_records_no_trace_context()
    {
        var row = Enqueue(new Stored("Still D.R.E."));

        Assert.Multiple(() =>
        {
            Assert.That(row.TraceParent, Is.Null);
            Assert.That(row.TraceState, Is.Null);
        });
    }

    [Test]
    public async Task Publishing_a_row_continues_the_saved_trace_through_MassTransit_to_the_consumer()
    {
        await using var provider = new ServiceCollection()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<StoredConsumer>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        OutboxMessage row;
        ActivityContext saved;
        using (var request = Request.StartActivity("store track")!)
        {
            row = Enqueue(new Stored("Still D.R.E."));
            saved = request.Context;
        }

        // As in the dispatcher's loop, no activity is current here.
        await harness.Bus.PublishAsync(row, CancellationToken.None);

        var outbox = _stopped.Single(a => a.Source.Name == RapAnalyzerTelemetry.OutboxSourceName);
        var send = _stopped.Single(a => a.Source.Name == "MassTransit" && a.Kind == ActivityKind.Producer);
        var consume = await Eventually.GetAsync(() => Task.FromResult(_stopped.FirstOrDefault(IsStoredConsumer)),
            a => a is not null, TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(outbox.DisplayName, Is.EqualTo("outbox publish Stored"));
            Assert.That(outbox.Kind, Is.EqualTo(ActivityKind.Producer));
            Assert.That(outbox.TraceId, Is.EqualTo(saved.TraceId));
            Assert.That(outbox.ParentSpanId, Is.EqualTo(saved.SpanId));
            Assert.That(send.ParentSpanId, Is.EqualTo(outbox.SpanId));
            Assert.That(consume?.TraceId, Is.EqualTo(saved.TraceId), "the consumer's activity is in another trace, or there is none");
        });
    }

    private static bool IsStoredConsumer(Activity activity) =>
        activity.Source.Name == "MassTransit" && activity.GetTagItem("messaging.masstransit.consumer_type") is string consumer
        && consumer.Contains(nameof(StoredConsumer));

    private static OutboxMessage Enqueue(Stored message)
    {
        using var db = new OutboxContext();
        db.EnqueueEvent(message);
        return db.ChangeTracker.Entries<OutboxMessage>().Single().Entity;
    }

    public sealed record Stored(string Title);

    private sealed class StoredConsumer : IConsumer<Stored>
    {
        public Task Consume(ConsumeContext<Stored> context) => Task.CompletedTask;
    }

    /// <summary>Only tracks rows: Npgsql gives EF its model services, and nothing ever connects.</summary>
    private sealed class OutboxContext() : DbContext(new DbContextOptionsBuilder<OutboxContext>().UseNpgsql("Host=unused").Options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddOutbox();
    }
}
