using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Inference.Tests.Embedded;

namespace RapAnalyzer.Inference.Tests.Llm;

/// <summary>The LLM path against a fake OpenAI-compatible chat server: messy answers, retries, the circuit, the budget.</summary>
public class LlmAnalyzerTests
{
    private const string Lyrics = "I'm on top of the world, counting money all night\nEvery day is a win, every rhyme is tight";
    private FakeOpenAiServer _fake = null!;

    [SetUp]
    public async Task StartFake() => _fake = await FakeOpenAiServer.StartAsync();

    [TearDown]
    public async Task StopFake() => await _fake.DisposeAsync();

    private int ChatRequests => _fake.CountOf(FakeOpenAiServer.ChatPath);

    [Test]
    public async Task A_valid_answer_is_the_analysis_with_its_tokens_and_the_prompt_carries_the_features()
    {
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, FeatureScoresTests.Features(rhymeDensity: 0.9), interactive: true, CancellationToken.None);

        Assert.That(outcome.Failure, Is.Null);
        Assert.That(outcome.Judgement!.Themes, Is.EqualTo(new[] { "success", "money" }));
        Assert.That(outcome.Tokens.Input, Is.GreaterThan(0));
        Assert.That(outcome.Tokens.Output, Is.GreaterThan(0));
        var request = _fake.ChatRequests.Single();
        Assert.That(request.GetProperty("model").GetString(), Is.EqualTo(FakeOpenAiServer.ChatModel));
        Assert.That(request.GetProperty("response_format").GetProperty("type").GetString(), Is.EqualTo("json_schema"));
        var prompt = string.Concat(request.GetProperty("messages").EnumerateArray().Select(FakeOpenAiServer.MessageText));
        Assert.That(prompt, Does.Contain("rhyme density 0.900").And.Contain("counting money").And.Contain("/no_think").And.Contain("introspection"));
    }

    [TestCase(LlmJsonMode.JsonObject, "json_object", true)]
    [TestCase(LlmJsonMode.SchemaInPrompt, null, true)]
    [TestCase(LlmJsonMode.JsonSchema, "json_schema", false)]
    public async Task The_json_mode_decides_the_response_format_and_whether_the_schema_is_in_the_prompt(LlmJsonMode mode, string? format, bool schemaInPrompt)
    {
        using var host = LlmTestHost.Start(_fake, ("Llm:JsonMode", mode.ToString()));

        await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        var request = _fake.ChatRequests.Single();
        Assert.That(request.TryGetProperty("response_format", out var f) ? f.GetProperty("type").GetString() : null, Is.EqualTo(format));
        var prompt = string.Concat(request.GetProperty("messages").EnumerateArray().Select(FakeOpenAiServer.MessageText));
        Assert.That(prompt.Contains("matching this schema", StringComparison.Ordinal), Is.EqualTo(schemaInPrompt));
    }

    [Test]
    public async Task A_server_refusing_json_schema_then_json_object_is_asked_in_the_prompt_at_once_and_from_then_on()
    {
        _fake.RefusedResponseFormats = new HashSet<string> { "json_schema", "json_object" };
        using var host = LlmTestHost.Start(_fake);
        var llm = host.Llm();

        var first = await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None);
        var second = await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That((first.Failure, second.Failure), Is.EqualTo(((string?)null, (string?)null)));
        var formats = _fake.ChatRequests.Select(r => r.TryGetProperty("response_format", out var f) ? f.GetProperty("type").GetString() : null);
        Assert.That(formats, Is.EqualTo(new[] { "json_schema", "json_object", null, null }));
        Assert.That(host.Services.GetRequiredService<LlmCircuit>().State, Is.EqualTo(LlmCircuit.Closed));
        Assert.That(host.Services.GetRequiredService<AnalysisStats>().ParseFailures, Is.Zero);
    }

    [Test]
    public async Task Another_400_is_a_failure_and_not_asked_again()
    {
        _fake.ChatAnswer = _ => FakeChatAnswer.Failure(400);
        using var host = LlmTestHost.Start(_fake, ("Llm:MaxRetries", "0"));

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Failure, Does.Contain("answered 400"));
        Assert.That(ChatRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task A_think_block_and_fenced_json_are_handled()
    {
        _fake.ChatAnswer = _ => FakeChatAnswer.Content($"<think>Okay, {{rhymes}} first.</think>\n```json\n{FakeOpenAiServer.ValidAnalysis}\n```\nAnything else?");
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement, Is.Not.Null, outcome.Failure);
        Assert.That(ChatRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task Reasoning_content_apart_from_the_answer_is_left_out()
    {
        _fake.ChatAnswer = _ => new FakeChatAnswer(FakeOpenAiServer.ValidAnalysis, ReasoningContent: "The user wants {\"sentiment\": maybe negative");
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement?.Sentiment.Label, Is.EqualTo("positive"), outcome.Failure);
    }

    [TestCase("reasoning_content")]
    [TestCase("reasoning")]
    public async Task An_answer_filed_as_reasoning_with_no_content_is_read_from_the_reasoning(string field)
    {
        _fake.ChatAnswer = _ => new FakeChatAnswer("", ReasoningContent: FakeOpenAiServer.ValidAnalysis, ReasoningField: field);
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement?.Sentiment.Label, Is.EqualTo("positive"), outcome.Failure);
        Assert.That(ChatRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task An_answer_cut_off_while_thinking_is_asked_again_with_room_to_finish()
    {
        _fake.ChatAnswer = n => n == 1
            ? new FakeChatAnswer("<think>Let me count every rhyme of every line, first line: top, world", FinishReason: "length")
            : FakeChatAnswer.Content($"<think>Counted.</think>{FakeOpenAiServer.ValidAnalysis}");
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement, Is.Not.Null, outcome.Failure);
        Assert.That(_fake.ChatRequests.Select(r => r.GetProperty("max_completion_tokens").GetInt32()), Is.EqualTo(new[] { 1024, 4096 }));
        var retry = string.Concat(_fake.ChatRequests[1].GetProperty("messages").EnumerateArray().Select(FakeOpenAiServer.MessageText));
        Assert.That(retry, Does.Contain("cut off at 1024 tokens"));
    }

    [Test]
    public async Task Reasoning_cut_off_at_max_tokens_is_not_read_as_the_answer()
    {
        _fake.ChatAnswer = _ => new FakeChatAnswer("", ReasoningContent: $"A draft: {FakeOpenAiServer.ValidAnalysis} but let me check the rhymes", FinishReason: "length");
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement, Is.Null);
        Assert.That(outcome.Failure, Does.Contain("cut off"));
    }

    [Test]
    public async Task Reasoning_without_an_answer_in_it_is_no_analysis()
    {
        _fake.ChatAnswer = _ => new FakeChatAnswer("", ReasoningContent: "Let me think about {the rhymes} first. The sentiment is");
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement, Is.Null);
        Assert.That(ChatRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task An_invalid_answer_is_asked_again_once_with_its_errors_then_it_fails_and_both_are_counted()
    {
        _fake.ChatAnswer = _ => FakeChatAnswer.Content("{\"sentiment\": \"good\"}");
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement, Is.Null);
        Assert.That(outcome.Failure, Does.Contain("twice").And.Contain("embedded analyzer answered"));
        Assert.That(ChatRequests, Is.EqualTo(2));
        var retry = string.Concat(_fake.ChatRequests[1].GetProperty("messages").EnumerateArray().Select(FakeOpenAiServer.MessageText));
        Assert.That(retry, Does.Contain("previous answer was not valid").And.Contain("$.sentiment must be an object"));
        var stats = host.Services.GetRequiredService<AnalysisStats>();
        Assert.That((stats.Answers, stats.ParseFailures), Is.EqualTo((2L, 2L)));
    }

    [Test]
    public async Task An_invalid_answer_followed_by_a_valid_one_is_the_analysis()
    {
        _fake.ChatAnswer = n => FakeChatAnswer.Content(n == 1 ? "Sure! The song is positive." : FakeOpenAiServer.ValidAnalysis);
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement, Is.Not.Null);
        Assert.That(ChatRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task Five_failures_open_the_circuit_and_then_no_request_is_sent()
    {
        _fake.ChatAnswer = _ => FakeChatAnswer.Failure(500);
        using var host = LlmTestHost.Start(_fake, ("Llm:MaxRetries", "0"));
        var llm = host.Llm();

        for (var i = 0; i < 5; i++)
        {
            var failed = await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None);
            Assert.That(failed.Failure, Does.Contain("answered 500"));
        }
        var watch = Stopwatch.StartNew();
        var outcome = await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Failure, Does.Contain("circuit is open"));
        Assert.That(watch.ElapsedMilliseconds, Is.LessThan(50));
        Assert.That(ChatRequests, Is.EqualTo(5));
        Assert.That(host.Services.GetRequiredService<LlmCircuit>().IsOpen, Is.True);
    }

    [Test]
    public async Task Timeouts_fail_the_call_and_open_the_circuit()
    {
        _fake.ChatAnswer = _ => FakeChatAnswer.Content(FakeOpenAiServer.ValidAnalysis, delay: TimeSpan.FromSeconds(10));
        using var host = LlmTestHost.Start(_fake, ("Llm:MaxRetries", "0"), ("Llm:TimeoutSeconds", "0.2"), ("Llm:CircuitBreakerFailures", "2"));
        var llm = host.Llm();

        var first = await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None);
        await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None);
        var third = await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(first.Failure, Does.Contain("no answer in time"));
        Assert.That(third.Failure, Does.Contain("circuit is open"));
        Assert.That(ChatRequests, Is.EqualTo(2));
    }

    [Test]
    public async Task A_429_is_retried_after_the_time_its_retry_after_asks()
    {
        _fake.ChatAnswer = n => n == 1 ? FakeChatAnswer.Failure(429, retryAfterSeconds: 1) : FakeChatAnswer.Content(FakeOpenAiServer.ValidAnalysis);
        using var host = LlmTestHost.Start(_fake);

        var outcome = await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        Assert.That(outcome.Judgement, Is.Not.Null, outcome.Failure);
        var sent = _fake.Requests.Where(r => r.Path == FakeOpenAiServer.ChatPath).Select(r => r.At).ToArray();
        Assert.That(sent, Has.Length.EqualTo(2));
        Assert.That((sent[1] - sent[0]).TotalSeconds, Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public async Task Interactive_requests_past_the_budget_are_refused_at_once_and_the_server_sees_no_more_than_the_budget()
    {
        using var host = LlmTestHost.Start(_fake, ("Llm:RequestsPerMinute", "3"));
        var llm = host.Llm();

        var outcomes = new List<LlmOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await llm.AnalyzeAsync(Lyrics, null, true, CancellationToken.None));
        }

        Assert.That(outcomes.Count(o => o.Judgement is not null), Is.EqualTo(3));
        Assert.That(outcomes.Skip(3).Select(o => o.Failure), Has.All.Contains("budget of 3 requests a minute is spent"));
        var sent = _fake.Requests.Where(r => r.Path == FakeOpenAiServer.ChatPath).Select(r => r.At).ToArray();
        Assert.That(sent, Has.Length.EqualTo(3));
        Assert.That(sent[^1] - sent[0], Is.LessThan(TimeSpan.FromMinutes(1)));
        Assert.That(await host.Services.GetRequiredService<LlmBudget>().LeftAsync(), Is.Zero);
    }

    [Test]
    public async Task The_request_is_readable_json_with_the_schema_named()
    {
        using var host = LlmTestHost.Start(_fake);

        await host.Llm().AnalyzeAsync(Lyrics, null, true, CancellationToken.None);

        var format = _fake.ChatRequests.Single().GetProperty("response_format");
        Assert.That(format.GetProperty("json_schema").GetProperty("name").GetString(), Is.EqualTo(AnalysisSchema.Name));
        Assert.That(format.GetProperty("json_schema").GetProperty("schema").GetProperty("required").GetArrayLength(), Is.EqualTo(9));
        Assert.That(JsonSerializer.Serialize(format), Does.Contain("sentiment"));
    }
}
