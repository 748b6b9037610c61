using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RapAnalyzer.Enrichment.Spotify;

namespace RapAnalyzer.Enrichment.Tests.Spotify;

/// <summary>Spotify is optional, but a half or wrong configuration is refused at start-up, naming the setting.</summary>
public class SpotifyOptionsTests
{
    [Test]
    public void The_defaults_are_valid_and_leave_spotify_off()
    {
        var options = new SpotifyOptions();

        Assert.That((options.Validate().Succeeded, options.IsConfigured), Is.EqualTo((true, false)));
    }

    [Test]
    public void Both_credentials_turn_spotify_on()
    {
        var options = new SpotifyOptions { ClientId = "id", ClientSecret = "secret" };

        Assert.That((options.Validate().Succeeded, options.IsConfigured), Is.EqualTo((true, true)));
    }

    [TestCase("id", null)]
    [TestCase(null, "secret")]
    [TestCase("  ", "secret")]
    public void One_credential_without_the_other_is_refused_naming_both(string? id, string? secret)
    {
        var result = new SpotifyOptions { ClientId = id, ClientSecret = secret }.Validate();

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("Spotify:ClientId").And.Contain("Spotify:ClientSecret"));
    }

    [Test]
    public void Urls_that_are_not_absolute_http_are_refused_naming_the_setting()
    {
        var result = new SpotifyOptions { ApiBaseUrl = "api.spotify.com", AccountsBaseUrl = "ftp://accounts.spotify.com" }.Validate();

        Assert.That(result.Failures, Has.Exactly(1).Contains("Spotify:ApiBaseUrl 'api.spotify.com'")
            .And.Exactly(1).Contains("Spotify:AccountsBaseUrl 'ftp://accounts.spotify.com'"));
    }

    [Test]
    public void Numbers_out_of_range_are_refused_naming_the_setting()
    {
        var result = new SpotifyOptions { TimeoutSeconds = 0, MaxRetries = -1, RetryDelaySeconds = double.NaN, MaxRetryAfterSeconds = 1e9 }.Validate();

        Assert.That(result.Failures, Has.Exactly(1).StartsWith("Spotify:TimeoutSeconds ")
            .And.Exactly(1).StartsWith("Spotify:MaxRetries ")
            .And.Exactly(1).StartsWith("Spotify:RetryDelaySeconds ")
            .And.Exactly(1).StartsWith("Spotify:MaxRetryAfterSeconds "));
    }

    [Test]
    public void The_registration_binds_the_section_and_validates_it()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spotify:ClientId"] = "id",
            ["Spotify:ApiBaseUrl"] = "not a url",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddSpotify().BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = services.GetRequiredService<IOptions<SpotifyOptions>>().Value);

        Assert.That(error.Failures.ToList(), Has.Count.EqualTo(2));
        Assert.That(error.Message, Does.Contain("Spotify:ClientSecret").And.Contain("Spotify:ApiBaseUrl"));
    }

    [Test]
    public void The_service_settings_configure_no_credentials()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../services/Enrichment/appsettings.json");
        var options = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(path)).Build()
            .GetSection(SpotifyOptions.SectionName).Get<SpotifyOptions>();

        Assert.That(options, Is.Not.Null);
        Assert.That((options!.IsConfigured, options.Validate().Succeeded, options.ApiBaseUrl),
            Is.EqualTo((false, true, "https://api.spotify.com")));
    }
}
