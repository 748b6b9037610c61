using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Tests.Llm;

/// <summary>Failures in a row open the circuit; after the pause one trial call decides.</summary>
public class LlmCircuitTests
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private readonly ManualClock _clock = new();

    private LlmCircuit Circuit() => new(Options.Create(new LlmOptions { CircuitBreakerFailures = 3, CircuitBreakerBreakSeconds = 10 }), _clock);

    [Test]
    public void A_success_between_failures_keeps_it_closed()
    {
        var circuit = Circuit();
        circuit.Failed();
        circuit.Failed();
        circuit.Succeeded();
        circuit.Failed();
        circuit.Failed();

        Assert.That(circuit.State, Is.EqualTo(LlmCircuit.Closed));
        circuit.Failed();
        Assert.That(circuit.State, Is.EqualTo(LlmCircuit.Open));
        Assert.That(circuit.TryEnter(), Is.False);
    }

    [Test]
    public void After_the_pause_one_trial_goes_through_and_its_outcome_decides()
    {
        var circuit = Circuit();
        for (var i = 0; i < 3; i++)
        {
            circuit.Failed();
        }
        _clock.Now += TimeSpan.FromSeconds(10);

        Assert.That(circuit.State, Is.EqualTo(LlmCircuit.HalfOpen));
        Assert.That(circuit.TryEnter(), Is.True);
        Assert.That(circuit.TryEnter(), Is.False, "one trial at a time");
        circuit.Failed();
        Assert.That(circuit.State, Is.EqualTo(LlmCircuit.Open), "a failed trial reopens it at once");

        _clock.Now += TimeSpan.FromSeconds(10);
        Assert.That(circuit.TryEnter(), Is.True);
        circuit.Succeeded();
        Assert.That(circuit.State, Is.EqualTo(LlmCircuit.Closed));
        Assert.That(circuit.IsOpen, Is.False);
    }
}
