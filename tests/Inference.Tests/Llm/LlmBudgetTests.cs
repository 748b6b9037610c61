using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Tests.Llm;

/// <summary>The sliding minute of the requests-per-minute budget without Redis (each process its own), on a clock the test moves.</summary>
public class LlmBudgetTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Test]
    public async Task A_slot_frees_a_minute_after_it_was_taken()
    {
        var clock = new ManualClock();
        var budget = new LlmBudget(Options.Create(new LlmOptions { RequestsPerMinute = 2 }), clock);

        Assert.That(await budget.TryTakeAsync(), Is.True);
        clock.Now += TimeSpan.FromSeconds(30);
        Assert.That(await budget.TryTakeAsync(), Is.True);
        Assert.That(await budget.TryTakeAsync(), Is.False);
        Assert.That(await budget.LeftAsync(), Is.Zero);

        clock.Now += TimeSpan.FromSeconds(30);
        Assert.That(await budget.LeftAsync(), Is.EqualTo(1));
        Assert.That(await budget.TryTakeAsync(), Is.True);
        Assert.That(await budget.TryTakeAsync(), Is.False);
    }

    [Test]
    public async Task The_pipeline_waits_for_a_slot_instead_of_being_refused()
    {
        var budget = new LlmBudget(Options.Create(new LlmOptions { RequestsPerMinute = 1 }), TimeProvider.System);
        await budget.TakeAsync(CancellationToken.None);

        using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.That(async () => await budget.TakeAsync(shortly.Token), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public async Task The_pipeline_leaves_the_interactive_reserve_to_requests_waiting_for_their_answer()
    {
        var clock = new ManualClock();
        var budget = new LlmBudget(Options.Create(new LlmOptions { RequestsPerMinute = 10, InteractiveReservePercent = 20 }), clock);
        for (var i = 0; i < 8; i++)
        {
            await budget.TakeAsync(CancellationToken.None);
        }

        using var shortly = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.That(budget.PipelineLimit, Is.EqualTo(8));
        Assert.That(async () => await budget.TakeAsync(shortly.Token), Throws.InstanceOf<OperationCanceledException>(), "the pipeline's eight are taken");
        Assert.That(await budget.LeftAsync(), Is.EqualTo(2));
        Assert.That(await budget.TryTakeAsync(), Is.True);
        Assert.That(await budget.TryTakeAsync(), Is.True);
        Assert.That(await budget.TryTakeAsync(), Is.False, "the reserve is part of the limit, not beyond it");
    }
}
