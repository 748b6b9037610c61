using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RapAnalyzer.Scraper.Genius;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>The Genius settings are checked at start-up, and each complaint names its setting.</summary>
public class GeniusOptionsValidationTests
{
    private static ValidateOptionsResult Validate(Action<GeniusOptions> change)
    {
        var options = new GeniusOptions();
        change(options);
        return options.Validate();
    }

    [Test]
    public void The_defaults_are_valid_and_leave_scraping_disabled()
    {
        var options = new GeniusOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.Validate().Succeeded, Is.True);
            Assert.That(options.IsConfigured, Is.False);
            Assert.That(options.BaseUrl, Is.EqualTo("https://api.genius.com"));
            Assert.That(options.RequestsPerSecond, Is.EqualTo(2));
        }
    }

    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_token_is_not_an_error_it_only_disables_scraping(string token)
    {
        var result = Validate(o => o.AccessToken = token);

        Assert.That((result.Succeeded, new GeniusOptions { AccessToken = token }.IsConfigured), Is.EqualTo((true, false)));
    }

    [Test]
    public void A_token_with_bearer_in_front_is_refused()
    {
        Assert.That(Validate(o => o.AccessToken = "Bearer abc").FailureMessage, Does.Contain("Genius:AccessToken"));
    }

    [TestCase("")]
    [TestCase("api.genius.com")]
    [TestCase("ftp://api.genius.com")]
    [TestCase("/relative")]
    public void The_base_url_must_be_absolute_http(string url)
    {
        Assert.That(Validate(o => o.BaseUrl = url).FailureMessage, Does.Contain("Genius:BaseUrl"));
    }

    [TestCase(nameof(GeniusOptions.RequestsPerSecond), 0)]
    [TestCase(nameof(GeniusOptions.RequestsPerSecond), -1)]
    [TestCase(nameof(GeniusOptions.RequestsPerSecond), double.NaN)]
    [TestCase(nameof(GeniusOptions.RequestsPerSecond), 1000)]
    [TestCase(nameof(GeniusOptions.MaxRetries), -1)]
    [TestCase(nameof(GeniusOptions.MaxRetries), 11)]
    [TestCase(nameof(GeniusOptions.RetryDelaySeconds), -0.5)]
    [TestCase(nameof(GeniusOptions.MaxRetryAfterSeconds), -1)]
    [TestCase(nameof(GeniusOptions.TimeoutSeconds), 0)]
    [TestCase(nameof(GeniusOptions.TimeoutSeconds), double.PositiveInfinity)]
    [TestCase(nameof(GeniusOptions.CircuitBreakerMinimumThroughput), 1)]
    [TestCase(nameof(GeniusOptions.CircuitBreakerBreakSeconds), 0.1)]
    public void A_number_out_of_range_is_named(string setting, double value)
    {
        var result = Validate(o =>
        {
            var property = typeof(GeniusOptions).GetProperty(setting)!;
            property.SetValue(o, property.PropertyType == typeof(int) ? (object)(int)value : value);
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Failed, Is.True);
            Assert.That(result.Failures, Has.Exactly(1).Matches<string>(f => f.StartsWith($"Genius:{setting} must be between", StringComparison.Ordinal)));
        }
    }

    [Test]
    public void Every_bad_setting_is_reported_at_once()
    {
        var result = Validate(o =>
        {
            o.BaseUrl = "nope";
            o.RequestsPerSecond = 0;
            o.TimeoutSeconds = -1;
        });

        Assert.That(result.Failures, Has.Exactly(3).Items);
    }

    [Test]
    public async Task A_bad_setting_stops_the_host_at_start_up_with_the_setting_named()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Genius:RequestsPerSecond"] = "0",
            ["Genius:AccessToken"] = "token",
        });
        builder.Services.AddExternalApiClient<GeniusOptions>().AddTypedClient<GeniusClient>();
        using var host = builder.Build();

        var failure = Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.That(failure!.Message, Does.Contain("Genius:RequestsPerSecond"));
    }

    [Test]
    public void The_settings_bind_from_the_genius_section()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Genius:BaseUrl"] = "http://127.0.0.1:9/",
            ["Genius:AccessToken"] = "abc",
            ["Genius:RequestsPerSecond"] = "0.5",
            ["Genius:MaxRetries"] = "5",
            ["Genius:TimeoutSeconds"] = "2.5",
        }).Build());
        services.AddExternalApiClient<GeniusOptions>().AddTypedClient<GeniusClient>();
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<GeniusOptions>>().Value;

        Assert.That((options.BaseUrl, options.AccessToken, options.RequestsPerSecond, options.MaxRetries, options.TimeoutSeconds),
            Is.EqualTo(("http://127.0.0.1:9/", "abc", 0.5, 5, 2.5)));
    }
}
