using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Inference.Tests.Llm;

namespace RapAnalyzer.Inference.Tests.Generation;

/// <summary>The generator's LLM path against a fake OpenAI-compatible server, behind the analyses' circuit and budget.</summary>
public class LlmGenerationTests
{
    private static GenerationService Service(IHost host)
    {
        var model = new GenerationModel();
        model.Trained(GeneratorFixture.Ranker, GeneratorFixture.Index.Lines);
        var options = host.Services.GetRequiredService<IOptions<LlmOptions>>();
        return new GenerationService(GeneratorFixture.Index, model, GeneratorFixture.Generator,
            new LlmLyricsWriter(GeneratorFixture.Index, GeneratorFixture.Phonetics, options, host.Services.GetRequiredService<LlmJsonFormat>()), host.Services, options,
            host.Services.GetRequiredService<LlmBudget>(), host.Services.GetRequiredService<LlmCircuit>(), NullLogger<GenerationService>.Instance);
    }

    private static GenerationRequest Request => new("money and the city lights", Lines: 4, RhymeScheme: "AABB", Seed: 3);

    [Test]
    public async Task The_llm_writes_the_lines_through_a_think_block_and_fences()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.ChatAnswer = _ => FakeChatAnswer.Content("""
            <think>Four lines, AABB.</think>
            ```json
            {"lines": ["I count my money late at night", "the city shining burning bright", "we never stop we never rest", "we climb the top we are the best"]}
            ```
            Enjoy!
            """);
        using var host = LlmTestHost.Start(fake);

        var outcome = (GenerationOutcome.Generated)await Service(host).GenerateAsync(Request, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Lyrics.Generator, Is.EqualTo(LlmLyricsWriter.Name));
            Assert.That(outcome.Lyrics.Degraded, Is.False);
            Assert.That(outcome.Lyrics.Lines, Has.Count.EqualTo(4));
            Assert.That(fake.ChatRequests, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task The_lines_are_asked_with_the_json_mode_and_a_refused_format_is_asked_the_plainer_way()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.RefusedResponseFormats = new HashSet<string> { "json_schema" };
        fake.ChatAnswer = _ => FakeChatAnswer.Content("""{"lines": ["one", "two", "three", "four"]}""");
        using var host = LlmTestHost.Start(fake);

        var outcome = (GenerationOutcome.Generated)await Service(host).GenerateAsync(Request, CancellationToken.None);

        Assert.That((outcome.Lyrics.Generator, outcome.Lyrics.Degraded), Is.EqualTo((LlmLyricsWriter.Name, false)));
        Assert.That(fake.ChatRequests.Select(r => r.GetProperty("response_format").GetProperty("type").GetString()),
            Is.EqualTo(new[] { "json_schema", "json_object" }));
        Assert.That(fake.ChatRequests[0].GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString(),
            Is.EqualTo(LlmLines.SchemaName));
    }

    [Test]
    public async Task Failures_open_the_circuit_and_then_the_embedded_generator_answers_without_asking()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.ChatAnswer = _ => FakeChatAnswer.Failure(503);
        using var host = LlmTestHost.Start(fake, ("Llm:MaxRetries", "0"), ("Llm:CircuitBreakerFailures", "2"));
        var service = Service(host);

        var answers = new List<GeneratedLyrics>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(((GenerationOutcome.Generated)await service.GenerateAsync(Request, CancellationToken.None)).Lyrics);
        }

        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => (a.Generator, a.Degraded)), Has.All.EqualTo(("embedded", true)));
            Assert.That(fake.ChatRequests, Has.Count.EqualTo(2), "the third request found the circuit open");
            Assert.That(answers[2].DegradedReason, Does.Contain("circuit is open"));
        });
    }

    [Test]
    public async Task A_spent_budget_sends_the_request_to_the_embedded_generator_at_once()
    {
        await using var fake = await FakeOpenAiServer.StartAsync();
        fake.ChatAnswer = _ => FakeChatAnswer.Content("""{"lines": ["one", "two", "three", "four"]}""");
        using var host = LlmTestHost.Start(fake, ("Llm:RequestsPerMinute", "1"));
        var service = Service(host);

        var first = ((GenerationOutcome.Generated)await service.GenerateAsync(Request, CancellationToken.None)).Lyrics;
        var second = ((GenerationOutcome.Generated)await service.GenerateAsync(Request, CancellationToken.None)).Lyrics;

        Assert.Multiple(() =>
        {
            Assert.That(first.Generator, Is.EqualTo(LlmLyricsWriter.Name));
            Assert.That((second.Generator, second.Degraded), Is.EqualTo(("embedded", true)));
            Assert.That(second.DegradedReason, Does.Contain("budget"));
            Assert.That(fake.ChatRequests, Has.Count.EqualTo(1));
        });
    }
}
