using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Tests.Llm;

/// <summary>GET /models/info follows the LLM's circuit, budget, latencies, tokens and parse failures.</summary>
public class ModelInfoTests
{
    private static Task<ModelInfo> Info(IHost host) => ModelInfo.FromAsync(host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<LlmOptions>>().Value,
        host.Services.GetRequiredService<LlmCircuit>(), host.Services.GetRequiredService<LlmBudget>(), host.Services.GetRequiredService<AnalysisStats>());

    [Test]
    public async Task The_llm_is_active_until_its_circuit_opens_and_the_counts_follow_its_answers()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.ChatAnswer = n => n <= 2 ? FakeChatAnswer.Content("no json here") : FakeChatAnswer.Failure(500);
        using var host = LlmTestHost.Start(fake, ("Llm:MaxRetries", "0"), ("Llm:CircuitBreakerFailures", "2"), ("Llm:RequestsPerMinute", "10"));
        var before = await Info(host);

        await host.Llm().AnalyzeAsync("a line", null, true, CancellationToken.None);
        await host.Llm().AnalyzeAsync("a line", null, true, CancellationToken.None);
        await host.Llm().AnalyzeAsync("a line", null, true, CancellationToken.None);
        var after = await Info(host);

        Assert.That((before.ActiveAnalyzer, before.CircuitState), Is.EqualTo(($"llm:{FakeOpenAiServer.ChatModel}", "closed")));
        Assert.That(before.ConfiguredAnalyzers, Is.EqualTo(new[] { "llm", "embedded" }));
        Assert.That((after.ActiveAnalyzer, after.CircuitState), Is.EqualTo(("embedded", "open")));
        Assert.That((after.LlmAnswers, after.ParseFailures, after.ParseFailureRate), Is.EqualTo((2L, 2L, 1.0)));
        Assert.That(after.Budget, Is.EqualTo(new LlmBudgetInfo(10, 6)));
        Assert.That(after.Tokens.Input, Is.GreaterThan(0));
        Assert.That(after.Themes.Select(t => t.Name), Does.Contain("money"));
        Assert.That(JsonSerializer.Serialize(after, JsonSerializerOptions.Web),
            Does.Not.Contain(new Uri(fake.ApiUrl).Authority), "the LLM's address is not the client's to read");
    }

    [Test]
    public void Latency_percentiles_are_by_nearest_rank()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToArray();

        Assert.That(LatencyPercentiles.Of(values), Is.EqualTo(new LatencyPercentiles(100, 50, 95, 99)));
        Assert.That(LatencyPercentiles.Of([]), Is.EqualTo(new LatencyPercentiles(0, 0, 0, 0)));
    }
}
