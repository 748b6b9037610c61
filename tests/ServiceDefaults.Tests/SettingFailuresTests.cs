using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.ServiceDefaults.Tests;

public class SettingFailuresTests
{
    [Test]
    public void Good_values_succeed()
    {
        var result = new SettingFailures("Api")
            .Url("BaseUrl", "https://example.org/v1")
            .Required("Model", "m", "a model")
            .Range("TimeoutSeconds", 10, 0.01, 600)
            .Result;

        Assert.That(result.Succeeded, Is.True);
    }

    [TestCase("ftp://example.org")]
    [TestCase("example.org/v1")]
    [TestCase("")]
    [TestCase(null)]
    public void A_url_must_be_absolute_http_or_https(string? value)
    {
        var result = new SettingFailures("Api").Url("BaseUrl", value).Result;

        Assert.That(result.FailureMessage, Does.StartWith("Api:BaseUrl '").And.Contain("absolute http(s) URL"));
    }

    [TestCase(0.0)]
    [TestCase(601.0)]
    [TestCase(double.NaN)]
    public void A_number_outside_its_range_or_NaN_fails_naming_the_setting_and_the_range(double value)
    {
        var result = new SettingFailures("Api").Range("TimeoutSeconds", value, 0.01, 600).Result;

        Assert.That(result.FailureMessage, Does.StartWith("Api:TimeoutSeconds must be between 0.01 and 600"));
    }

    [Test]
    public void An_empty_optional_number_is_not_checked()
    {
        Assert.That(new SettingFailures("Api").Range("RequestsPerSecond", null, 0.01, 100).Result.Succeeded, Is.True);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("sk-abc123")]
    public void A_secret_may_be_empty_or_one_word(string? value)
    {
        Assert.That(new SettingFailures("Api").Secret("ApiKey", value).Result.Succeeded, Is.True);
    }

    [TestCase("Bearer abc")]
    [TestCase("abc\n")]
    public void A_secret_with_whitespace_in_it_is_a_bad_paste(string value)
    {
        var result = new SettingFailures("Api").Secret("ApiKey", value).Result;

        Assert.That(result.FailureMessage, Does.StartWith("Api:ApiKey must not contain whitespace"));
    }

    [Test]
    public void Every_failure_is_reported_not_only_the_first()
    {
        var result = new SettingFailures("Api").Required("Model", " ", "a model").Range("MaxRetries", -1, 0, 10).Result;

        Assert.That(result.Failures, Is.EqualTo(new[] { "Api:Model must name a model.", "Api:MaxRetries must be between 0 and 10 (it is -1)." }));
    }
}
