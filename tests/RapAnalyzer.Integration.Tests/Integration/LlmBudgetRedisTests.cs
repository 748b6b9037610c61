using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>The LLM's requests-per-minute budget on the real Redis: one window for every replica of inference.</summary>
[TestFixture]
public sealed class LlmBudgetRedisTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static IOptions<LlmOptions> Budget(int requestsPerMinute, int interactiveReservePercent = 0) =>
        Options.Create(new LlmOptions
        {
            RequestsPerMinute = requestsPerMinute, InteractiveReservePercent = interactiveReservePercent, Model = $"budget-test-{Guid.NewGuid():N}",
        });

    [Test]
    public async Task Two_replicas_taking_at_once_share_one_budget()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        var options = Budget(5);
        var replicas = new[] { new LlmBudget(options, TimeProvider.System, redis), new LlmBudget(options, TimeProvider.System, redis) };

        var taken = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => replicas[i % 2].TryTakeAsync()));

        Assert.That(taken.Count(t => t), Is.EqualTo(5), "five slots in the minute, whichever replica asks");
        Assert.That(await replicas[0].LeftAsync(), Is.Zero);
        Assert.That(await replicas[1].LeftAsync(), Is.Zero);
        using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.That(async () => await replicas[1].TakeAsync(shortly.Token), Throws.InstanceOf<OperationCanceledException>(),
            "the pipeline waits for a slot another replica spent");
    }

    [Test]
    public async Task A_slot_frees_for_every_replica_a_minute_after_it_was_taken()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        var options = Budget(2);
        var clock = new ManualClock();
        var first = new LlmBudget(options, clock, redis);
        var second = new LlmBudget(options, clock, redis);

        Assert.That(await first.TryTakeAsync(), Is.True);
        clock.Now += TimeSpan.FromSeconds(30);
        Assert.That(await second.TryTakeAsync(), Is.True);
        Assert.That(await first.TryTakeAsync(), Is.False);
        clock.Now += TimeSpan.FromSeconds(30);

        Assert.That(await second.LeftAsync(), Is.EqualTo(1), "the first slot is a minute old");
        Assert.That(await second.TryTakeAsync(), Is.True);
        Assert.That(await first.TryTakeAsync(), Is.False);
    }

    [Test]
    public async Task A_backlog_drained_by_two_replicas_leaves_the_interactive_reserve_free()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        var options = Budget(10, interactiveReservePercent: 30);
        var replicas = new[] { new LlmBudget(options, TimeProvider.System, redis), new LlmBudget(options, TimeProvider.System, redis) };
        using var drained = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var pipelineTook = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            try
            {
                await replicas[i % 2].TakeAsync(drained.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }));

        Assert.That(pipelineTook.Count(t => t), Is.EqualTo(7), "the pipeline takes 70 % of the minute, across replicas");
        Assert.That(await replicas[1].TryTakeAsync(), Is.True);
        Assert.That(await replicas[0].TryTakeAsync(), Is.True);
        Assert.That(await replicas[1].TryTakeAsync(), Is.True);
        Assert.That(await replicas[0].TryTakeAsync(), Is.False);
    }
}
