using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Tests;

/// <summary>The LLM settings are checked at start-up; each failure names its setting.</summary>
public class LlmOptionsValidationTests
{
    private static string[] Failures(LlmOptions options)
    {
        var result = options.Validate();
        return result.Succeeded ? [] : [.. result.Failures ?? []];
    }

    [Test]
    public void No_endpoint_is_valid_and_means_the_embedded_analyzer()
    {
        var options = new LlmOptions();

        Assert.That(options.Validate().Succeeded, Is.True);
        Assert.That(options.IsConfigured, Is.False);
    }

    [TestCase("http://127.0.0.1:8000/v1")]
    [TestCase("https://api.novita.ai/v3/openai")]
    [TestCase("HTTP://localhost:11434/v1")]
    public void An_absolute_http_endpoint_is_valid(string endpoint)
    {
        Assert.That(Failures(new LlmOptions { Endpoint = endpoint }), Is.Empty);
    }

    [TestCase("/v1/chat/completions")]
    [TestCase("v1")]
    [TestCase("ftp://models.example.com/qwen")]
    [TestCase("localhost:8000/v1")]
    [TestCase("file:///tmp/model")]
    public void An_endpoint_that_is_not_an_absolute_http_url_names_Llm_Endpoint(string endpoint)
    {
        var failures = Failures(new LlmOptions { Endpoint = endpoint });

        Assert.That(failures, Has.Length.EqualTo(1));
        Assert.That(failures[0], Does.StartWith("Llm:Endpoint").And.Contain(endpoint));
    }

    [TestCase(0)]
    [TestCase(601)]
    [TestCase(-1)]
    public void A_timeout_outside_1_to_600_seconds_names_Llm_TimeoutSeconds(int seconds)
    {
        var failures = Failures(new LlmOptions { Endpoint = "http://localhost:8000/v1", TimeoutSeconds = seconds });

        Assert.That(failures, Has.Length.EqualTo(1));
        Assert.That(failures[0], Does.StartWith("Llm:TimeoutSeconds"));
    }

    [TestCase(1)]
    [TestCase(600)]
    public void The_timeout_limits_themselves_are_valid(int seconds)
    {
        Assert.That(Failures(new LlmOptions { TimeoutSeconds = seconds }), Is.Empty);
    }

    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_model_names_Llm_Model(string model)
    {
        var failures = Failures(new LlmOptions { Model = model });

        Assert.That(failures, Has.Length.EqualTo(1));
        Assert.That(failures[0], Does.StartWith("Llm:Model"));
    }

    [Test]
    public void Every_bad_setting_is_named_at_once()
    {
        var failures = Failures(new LlmOptions { Endpoint = "ftp://x", Model = "", TimeoutSeconds = 0 });

        Assert.That(failures.Select(f => f.Split(' ')[0]), Is.EquivalentTo(new[] { "Llm:Endpoint", "Llm:Model", "Llm:TimeoutSeconds" }));
    }
}
