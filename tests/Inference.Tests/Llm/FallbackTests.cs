using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Tests.Embedded;
using RapAnalyzer.Inference.Upstream;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Inference.Tests.Llm;

/// <summary>When the LLM cannot answer, the embedded analyzer does, and the analysis says why.</summary>
public class FallbackTests
{
    private const string Lyrics = SongSentimentTests.Negative;

    // Nothing listens on port 1: enrichment is down, which degrades the analysis too.
    private static LyricsMeasurements UnreachableEnrichment() =>
        new(new RapAnalyzer.Protos.Enrichment.Enrichment.EnrichmentClient(GrpcChannel.ForAddress("http://127.0.0.1:1")), NullLogger<LyricsMeasurements>.Instance);

    private static LyricsAnalyzer Analyzer(IHost? llmHost) => new(UnreachableEnrichment(), ModelData.Analyzer,
        llmHost?.Services.GetRequiredService<AnalysisStats>() ?? new AnalysisStats(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()),
        llm: llmHost?.Llm());

    [Test]
    public async Task With_the_circuit_open_the_embedded_analyzer_answers_at_once_and_says_so()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.ChatAnswer = _ => FakeChatAnswer.Failure(503);
        using var host = LlmTestHost.Start(fake, ("Llm:MaxRetries", "0"), ("Llm:CircuitBreakerFailures", "2"));
        var analyzer = Analyzer(host);
        await analyzer.AnalyzeAsync(Lyrics, null, Analyzers.Auto, CancellationToken.None);
        await analyzer.AnalyzeAsync(Lyrics, null, Analyzers.Auto, CancellationToken.None);

        var analysis = await analyzer.AnalyzeAsync(Lyrics, null, Analyzers.Auto, CancellationToken.None);

        Assert.That(analysis.Analyzer, Is.EqualTo(Analyzers.Embedded));
        Assert.That(analysis.Judgement.Sentiment.Label, Is.EqualTo("negative"));
        Assert.That(analysis.Degraded, Does.Contain("circuit is open").And.Contain("Enrichment did not measure"));
        Assert.That(fake.CountOf(FakeOpenAiServer.ChatPath), Is.EqualTo(2));
    }

    [Test]
    public async Task The_llm_answer_names_the_llm_its_model_and_prompt_version()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        using var host = LlmTestHost.Start(fake);

        var analysis = await Analyzer(host).AnalyzeAsync(Lyrics, null, Analyzers.Auto, CancellationToken.None);

        Assert.That((analysis.Analyzer, analysis.Model, analysis.PromptVersion), Is.EqualTo(("llm", FakeOpenAiServer.ChatModel, "analysis-v1")));
        Assert.That(analysis.Tokens!.Output, Is.GreaterThan(0));
    }

    [Test]
    public async Task Asking_for_the_embedded_analyzer_sends_nothing_to_the_llm()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        using var host = LlmTestHost.Start(fake);

        var analysis = await Analyzer(host).AnalyzeAsync(Lyrics, null, Analyzers.Embedded, CancellationToken.None);

        Assert.That(analysis.Analyzer, Is.EqualTo(Analyzers.Embedded));
        Assert.That(fake.CountOf(FakeOpenAiServer.ChatPath), Is.Zero);
    }

    [Test]
    public async Task Asking_for_the_llm_when_none_is_configured_is_answered_by_the_embedded_analyzer_saying_so()
    {
        var analysis = await Analyzer(null).AnalyzeAsync(Lyrics, null, Analyzers.Llm, CancellationToken.None);

        Assert.That(analysis.Analyzer, Is.EqualTo(Analyzers.Embedded));
        Assert.That(analysis.Degraded, Does.StartWith("The LLM was asked for but none is configured"));
    }
}
