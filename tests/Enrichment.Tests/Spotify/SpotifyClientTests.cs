using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Spotify;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Tests.Spotify;

/// <summary>The Spotify client, its token handling and its resilience pipeline against a fake Spotify on loopback.</summary>
public class SpotifyClientTests
{
    private FakeSpotifyServer _server = null!;
    private ServiceProvider? _services;

    [SetUp]
    public async Task StartServer() =>
        _server = await FakeSpotifyServer.StartAsync(SpotifyTestServices.Alright, SpotifyTestServices.NyState);

    [TearDown]
    public async Task StopServer()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
            _services = null;
        }
        await _server.DisposeAsync();
    }

    private SpotifyClient Client(Action<SpotifyOptions>? configure = null)
    {
        _services ??= SpotifyTestServices.Create(_server, configure);
        return _services.GetRequiredService<SpotifyClient>();
    }

    private static async Task<bool> Status(HttpContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        await context.Response.WriteAsync("{\"error\":{\"status\":" + status + ",\"message\":\"nope\"}}");
        return true;
    }

    [Test]
    public async Task A_found_track_maps_every_field()
    {
        var track = await Client().FindTrackAsync("Alright", "Kendrick Lamar");

        Assert.That(track, Is.EqualTo(new SpotifyMetadata("3iVcZ5G6tvkXZkZKlMpIUs", 74, "To Pimp A Butterfly", "2015-03-15", 219333, true)));
    }

    [Test]
    public async Task A_release_date_with_year_precision_is_kept_as_spotify_gives_it()
    {
        var track = await Client().FindTrackAsync("N.Y. State of Mind", "Nas");

        Assert.That(track, Is.EqualTo(new SpotifyMetadata("5zJx2D8cm7vbSrhxyDxO2E", 66, "Illmatic", "1994", 293933, true)));
    }

    [Test]
    public async Task A_song_spotify_does_not_know_is_null()
    {
        Assert.That(await Client().FindTrackAsync("Alright", "Nas"), Is.Null);
    }

    [Test]
    public async Task The_search_is_fielded_for_one_track_and_sends_the_bearer_token()
    {
        await Client().FindTrackAsync("Alright", "Kendrick Lamar");

        var search = _server.Requests.Single(r => r.Path == "/v1/search");
        Assert.That((search.Method, search.Query, search.Authorization), Is.EqualTo(("GET",
            "?q=track%3A%22Alright%22%20artist%3A%22Kendrick%20Lamar%22&type=track&limit=1", "Bearer token-1")));
    }

    [Test]
    public async Task The_token_is_fetched_once_for_many_searches_even_concurrent_ones()
    {
        var client = Client();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.FindTrackAsync("Alright", "Kendrick Lamar")));
        await Client().FindTrackAsync("N.Y. State of Mind", "Nas");

        Assert.That((_server.CountOf("/api/token"), _server.CountOf("/v1/search")), Is.EqualTo((1, 9)));
    }

    [Test]
    public async Task The_token_is_fetched_again_once_it_is_about_to_expire()
    {
        // A 2 s token is renewed after half its life.
        _server.ExpiresIn = 2;
        var client = Client();
        await client.FindTrackAsync("Alright", "Kendrick Lamar");
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var track = await client.FindTrackAsync("Alright", "Kendrick Lamar");

        Assert.That((track?.SpotifyId, _server.CountOf("/api/token")), Is.EqualTo(("3iVcZ5G6tvkXZkZKlMpIUs", 2)));
    }

    [Test]
    public async Task A_token_refused_with_401_is_replaced_once_and_the_search_repeated()
    {
        var client = Client();
        await client.FindTrackAsync("Alright", "Kendrick Lamar");
        _server.RevokeTokens();

        var track = await client.FindTrackAsync("Alright", "Kendrick Lamar");

        var searches = _server.Requests.Where(r => r.Path == "/v1/search").Select(r => r.Authorization).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(track?.SpotifyId, Is.EqualTo("3iVcZ5G6tvkXZkZKlMpIUs"));
            Assert.That(_server.CountOf("/api/token"), Is.EqualTo(2));
            Assert.That(searches, Is.EqualTo(new[] { "Bearer token-1", "Bearer token-1", "Bearer token-3" }));
        }
    }

    [Test]
    public void A_search_refused_with_401_even_with_a_fresh_token_fails_instead_of_looping()
    {
        _server.InterfereAt("/v1/search", (context, _) => Status(context, 401));

        var error = Assert.ThrowsAsync<ExternalApiException>(() => Client().FindTrackAsync("Alright", "Kendrick Lamar"));

        Assert.That((error.StatusCode, _server.CountOf("/api/token"), _server.CountOf("/v1/search")),
            Is.EqualTo((HttpStatusCode.Unauthorized, 2, 2)));
    }

    [Test]
    public void Wrong_credentials_fail_with_a_message_naming_the_settings()
    {
        var error = Assert.ThrowsAsync<ExternalApiException>(() =>
            Client(options => options.ClientSecret = "wrong").FindTrackAsync("Alright", "Kendrick Lamar"));

        Assert.That(error.Message, Does.Contain("Spotify:ClientId").And.Contain("Spotify:ClientSecret"));
        Assert.That(_server.CountOf("/v1/search"), Is.Zero);
    }

    [Test]
    public async Task A_429_is_retried_after_the_retry_after_it_asks_for()
    {
        _server.InterfereAt("/v1/search", (context, count) => count == 1 ? Status(context, 429, retryAfter: "1") : Task.FromResult(false));

        var track = await Client().FindTrackAsync("Alright", "Kendrick Lamar");

        var searches = _server.Requests.Where(r => r.Path == "/v1/search").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(track?.SpotifyId, Is.EqualTo("3iVcZ5G6tvkXZkZKlMpIUs"));
            Assert.That(searches, Has.Count.EqualTo(2));
            Assert.That(searches[1].At - searches[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)));
        }
    }

    [Test]
    public void A_429_asking_for_longer_than_the_maximum_is_not_waited_for()
    {
        _server.InterfereAt("/v1/search", (context, _) => Status(context, 429, retryAfter: "3600"));
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<ExternalApiException>(() => Client().FindTrackAsync("Alright", "Kendrick Lamar"));

        Assert.That((error.StatusCode, _server.CountOf("/v1/search")), Is.EqualTo((HttpStatusCode.TooManyRequests, 1)));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task A_server_error_is_retried()
    {
        _server.InterfereAt("/v1/search", (context, count) => count <= 2 ? Status(context, 503) : Task.FromResult(false));

        var track = await Client().FindTrackAsync("Alright", "Kendrick Lamar");

        Assert.That((track?.SpotifyId, _server.CountOf("/v1/search")), Is.EqualTo(("3iVcZ5G6tvkXZkZKlMpIUs", 3)));
    }

    [Test]
    public async Task The_standard_handler_of_service_defaults_is_replaced_not_stacked()
    {
        // With both pipelines, 3 attempts of ours would each be retried by the standard handler as well.
        _server.InterfereAt("/v1/search", (context, _) => Status(context, 500));

        Assert.ThrowsAsync<ExternalApiException>(() => Client(options => options.MaxRetries = 2).FindTrackAsync("Alright", "Kendrick Lamar"));

        await Task.Delay(100);
        Assert.That(_server.CountOf("/v1/search"), Is.EqualTo(3));
    }
}
