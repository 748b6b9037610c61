using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RapAnalyzer.ServiceDefaults.Tests.ExternalApis;

/// <summary>The settings every external API shares: bound from its section, checked at start-up, each failure naming its setting.</summary>
public class ExternalApiOptionsTests
{
    [Test]
    public void The_defaults_are_valid_and_set_no_rate_limit()
    {
        var options = new TestApiOptions();

        Assert.That((options.Validate().Succeeded, options.RequestsPerSecond, options.CircuitBreakerMinimumThroughput),
            Is.EqualTo((true, (double?)null, 10)));
    }

    [TestCase(nameof(TestApiOptions.TimeoutSeconds), 0)]
    [TestCase(nameof(TestApiOptions.TimeoutSeconds), double.PositiveInfinity)]
    [TestCase(nameof(TestApiOptions.MaxRetries), -1)]
    [TestCase(nameof(TestApiOptions.MaxRetries), 11)]
    [TestCase(nameof(TestApiOptions.RetryDelaySeconds), double.NaN)]
    [TestCase(nameof(TestApiOptions.MaxRetryAfterSeconds), -1)]
    [TestCase(nameof(TestApiOptions.CircuitBreakerMinimumThroughput), 1)]
    [TestCase(nameof(TestApiOptions.CircuitBreakerBreakSeconds), 0.1)]
    [TestCase(nameof(TestApiOptions.RequestsPerSecond), 0)]
    [TestCase(nameof(TestApiOptions.RequestsPerSecond), 1000)]
    public void A_shared_setting_out_of_range_is_named_with_its_section(string setting, double value)
    {
        var options = new TestApiOptions();
        var property = typeof(TestApiOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? (object)(int)value : value);

        Assert.That(options.Validate().Failures, Has.Exactly(1).Items.And.All.StartWith($"TestApi:{setting} must be between "));
    }

    [Test]
    public void The_api_s_own_checks_are_reported_with_the_shared_ones()
    {
        var result = new TestApiOptions { BaseUrl = "api.example.org", TimeoutSeconds = 0 }.Validate();

        Assert.That(result.Failures, Is.EquivalentTo(new[]
        {
            "TestApi:TimeoutSeconds must be between 0.01 and 600 (it is 0).",
            "TestApi:BaseUrl 'api.example.org' must be an absolute http(s) URL.",
        }));
    }

    [Test]
    public void The_settings_bind_from_the_section_as_environment_variables_name_them()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // What TestApi__TimeoutSeconds... in the environment becomes.
            ["TestApi:BaseUrl"] = "http://127.0.0.1:9/v1",
            ["TestApi:TimeoutSeconds"] = "2.5",
            ["TestApi:MaxRetries"] = "4",
            ["TestApi:RequestsPerSecond"] = "0.5",
            ["TestApi:CircuitBreakerBreakSeconds"] = "7",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddExternalApiClient<TestApiOptions>();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<TestApiOptions>>().Value;

        Assert.That((options.BaseUrl, options.TimeoutSeconds, options.MaxRetries, options.RequestsPerSecond, options.CircuitBreakerBreakSeconds),
            Is.EqualTo(("http://127.0.0.1:9/v1", 2.5, 4, (double?)0.5, 7.0)));
    }

    [Test]
    public void A_bad_setting_stops_the_host_at_start_up_naming_every_bad_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TestApi:MaxRetries"] = "-1",
            ["TestApi:BaseUrl"] = "ftp://api.example.org",
        });
        builder.Services.AddExternalApiOptions<TestApiOptions>();
        using var host = builder.Build();

        var failure = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Failures, Has.Exactly(1).StartsWith("TestApi:MaxRetries ").And.Exactly(1).StartsWith("TestApi:BaseUrl "));
    }
}
