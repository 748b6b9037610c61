using RapAnalyzer.Enrichment.Embeddings;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

public class EmbeddingEndpointOptionsTests
{
    private static EmbeddingEndpointOptions Configured() => new() { Url = "http://127.0.0.1:11434/v1", Model = "nomic-embed-text" };

    [Test]
    public void Without_a_url_the_endpoint_settings_are_not_used_or_checked()
    {
        var result = new EmbeddingEndpointOptions { Model = "", TimeoutSeconds = -1 }.Validate();

        Assert.That(result.Succeeded, Is.True);
    }

    [Test]
    public void A_key_or_size_without_a_url_is_refused_naming_the_url()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new EmbeddingEndpointOptions { ApiKey = "sk-x" }.Validate().FailureMessage, Does.StartWith("EmbeddingEndpoint:Url must be set"));
            Assert.That(new EmbeddingEndpointOptions { Dimensions = 256 }.Validate().FailureMessage, Does.StartWith("EmbeddingEndpoint:Url must be set"));
        });
    }

    [Test]
    public void A_configured_endpoint_with_defaults_is_valid_and_its_model_id_is_the_model()
    {
        var options = Configured();

        Assert.That(options.Validate().Succeeded, Is.True);
        Assert.That(options.ModelId, Is.EqualTo("nomic-embed-text"));
    }

    [TestCase("Url", "ftp://example.org/v1")]
    [TestCase("Url", "not a url")]
    [TestCase("Model", " ")]
    [TestCase("InputsPerRequest", "0")]
    [TestCase("TimeoutSeconds", "0")]
    [TestCase("TotalTimeoutSeconds", "10")]
    [TestCase("CooldownSeconds", "-1")]
    [TestCase("MaxRetries", "11")]
    [TestCase("RetryDelaySeconds", "NaN")]
    [TestCase("MaxRetryAfterSeconds", "-1")]
    [TestCase("Dimensions", "0")]
    [TestCase("Model", "a-model-name-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on-and-on")]
    public void A_bad_setting_is_refused_by_name(string setting, string value)
    {
        var options = Configured();
        var property = typeof(EmbeddingEndpointOptions).GetProperty(setting)!;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        property.SetValue(options, Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture));

        var result = options.Validate();

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain($"EmbeddingEndpoint:{setting}"));
    }
}
