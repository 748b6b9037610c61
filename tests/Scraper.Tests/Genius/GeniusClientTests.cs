using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>The Genius client and its resilience pipeline against a fake Genius on loopback.</summary>
public class GeniusClientTests
{
    private FakeGeniusServer _server = null!;
    private ServiceProvider? _services;

    [SetUp]
    public async Task StartServer() =>
        _server = await FakeGeniusServer.StartAsync(FakeGeniusData.TributeBand(), FakeGeniusData.Kendrick(), FakeGeniusData.Nas());

    [TearDown]
    public async Task StopServer()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    private GeniusClient Client(Action<GeniusOptions>? configure = null)
    {
        _services = GeniusTestServices.Create(_server, configure);
        return _services.GetRequiredService<GeniusClient>();
    }

    private static async Task<bool> Status(HttpContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        await context.Response.WriteAsync("{\"meta\":{\"status\":" + status + "}}");
        return true;
    }

    [Test]
    public async Task Search_picks_the_primary_artist_whose_name_matches_even_when_it_is_not_the_first_hit()
    {
        var artist = await Client().SearchArtistAsync("kendrick  LAMAR");

        Assert.That(artist, Is.EqualTo(new GeniusArtist(1421, "Kendrick Lamar")));
    }

    [Test]
    public async Task Search_for_an_artist_genius_does_not_know_is_null()
    {
        Assert.That(await Client().SearchArtistAsync("Nobody At All"), Is.Null);
    }

    [Test]
    public async Task Search_escapes_the_name_and_sends_the_token()
    {
        await Client().SearchArtistAsync("Beyoncé & JAY-Z");

        var request = _server.Requests.Single();
        Assert.That((request.Path, request.Query, request.Authorization),
            Is.EqualTo(("/search", "?q=Beyonc%C3%A9%20%26%20JAY-Z", $"Bearer {FakeGeniusServer.Token}")));
    }

    [Test]
    public async Task Songs_follow_next_page_and_stop_at_the_limit()
    {
        var songs = await Client().GetArtistSongsAsync(1421, limit: 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(songs.Select(s => s.Id), Is.EqualTo(new long[] { 101, 102, 103, 104, 105 }));
            Assert.That(songs[0], Is.EqualTo(new GeniusSongSummary(101, "Paper Trail", $"{_server.BaseUrl}/song-101-lyrics",
                new GeniusArtist(1421, "Kendrick Lamar"))));
            Assert.That(_server.Requests.Select(r => r.Path + r.Query), Is.EqualTo(new[]
            {
                "/artists/1421/songs?sort=popularity&per_page=5&page=1",
                "/artists/1421/songs?sort=popularity&per_page=5&page=2",
            }));
        }
    }

    [Test]
    public async Task Songs_end_where_genius_has_no_next_page()
    {
        var songs = await Client().GetArtistSongsAsync(1421, limit: 500);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(songs.Select(s => s.Id), Is.EqualTo(new long[] { 101, 102, 103, 104, 105, 106, 107 }));
            Assert.That(_server.Requests.Select(r => r.Query), Is.EqualTo(new[]
            {
                "?sort=popularity&per_page=50&page=1",
                "?sort=popularity&per_page=50&page=2",
                "?sort=popularity&per_page=50&page=3",
            }));
        }
    }

    [Test]
    public async Task A_limit_filled_by_the_first_page_asks_for_no_second()
    {
        var songs = await Client().GetArtistSongsAsync(1421, limit: 3);

        Assert.That((songs.Count, _server.Requests.Count), Is.EqualTo((3, 1)));
    }

    [Test]
    public async Task A_song_comes_with_album_date_and_pageviews()
    {
        var song = await Client().GetSongAsync(101);

        Assert.That(song, Is.EqualTo(new GeniusSong(101, "Paper Trail", $"{_server.BaseUrl}/song-101-lyrics",
            new GeniusArtist(1421, "Kendrick Lamar"), new GeniusAlbum(9101, "Test Album"), "2017-04-14",
            new GeniusReleaseDateComponents(2017, null, null), "en", new GeniusSongStats(2_500_000))));
    }

    [Test]
    public async Task The_lyrics_page_comes_from_the_url_the_api_gave_without_the_token()
    {
        var client = Client();
        var song = await client.GetSongAsync(102);

        var html = await client.GetLyricsPageAsync(song.Url);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(html, Does.Contain("Just a year<br>No day"));
            Assert.That(_server.Requests[^1].Path, Is.EqualTo("/song-102-lyrics"));
            Assert.That(_server.Requests[^1].Authorization, Is.Null);
        }
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("/relative/path")]
    [TestCase("file:///etc/passwd")]
    public void A_song_url_that_is_not_http_is_refused_without_a_request(string url)
    {
        Assert.ThrowsAsync<ExternalApiException>(() => Client().GetLyricsPageAsync(url));
        Assert.That(_server.Requests, Is.Empty);
    }

    [Test]
    public void A_wrong_token_is_an_error_with_the_status_and_is_not_retried()
    {
        var client = Client(o => o.AccessToken = "wrong");

        var error = Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(101));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.Message, Does.Contain("401").And.Contain("/songs/101"));
            Assert.That(_server.CountOf("/songs/101"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_genius_that_is_not_there_is_an_error_naming_the_url()
    {
        var client = Client(o => o.MaxRetries = 1);
        var gone = _server;
        _server = await FakeGeniusServer.StartAsync();
        await gone.DisposeAsync();

        var error = Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(101));

        Assert.That(error!.Message, Does.StartWith("GET http://127.0.0.1:").And.Contain("/songs/101 failed: "));
    }

    [TestCase(429)]
    [TestCase(503)]
    public async Task Retry_after_is_honoured_before_the_retry(int status)
    {
        _server.InterfereAt("/songs/103", (context, count) => count == 1 ? Status(context, status, retryAfter: "1") : Task.FromResult(false));

        var song = await Client().GetSongAsync(103);

        var attempts = _server.Requests.Where(r => r.Path == "/songs/103").ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(song.Title, Is.EqualTo("Third"));
            Assert.That(attempts, Has.Count.EqualTo(2));
            Assert.That(attempts[1].At - attempts[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950)));
        }
    }

    [Test]
    public void A_retry_after_longer_than_the_setting_allows_is_not_waited_for()
    {
        _server.InterfereAt("/songs/103", (context, _) => Status(context, 429, retryAfter: "3600"));
        var client = Client(o => o.MaxRetryAfterSeconds = 2);
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(103));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(_server.CountOf("/songs/103"), Is.EqualTo(1));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        }
    }

    [TestCase(403)]
    [TestCase(404)]
    public async Task A_refused_or_missing_page_is_an_error_at_once_without_retries(int status)
    {
        var client = Client();
        var song = await client.GetSongAsync(104);
        _server.InterfereAt("/song-104-lyrics", (context, _) => Status(context, status));

        var error = Assert.ThrowsAsync<ExternalApiException>(() => client.GetLyricsPageAsync(song.Url));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((int?)error!.StatusCode, Is.EqualTo(status));
            Assert.That(_server.CountOf("/song-104-lyrics"), Is.EqualTo(1));
        }
    }

    [Test]
    public void Server_errors_are_retried_by_one_layer_only_then_reported()
    {
        _server.InterfereAt("/songs/105", (context, _) => Status(context, 500));
        var client = Client(o => o.MaxRetries = 2);

        var error = Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(105));

        // The standard handler that ServiceDefaults adds would make it 3 × 4 attempts.
        Assert.That((error!.StatusCode, _server.CountOf("/songs/105")), Is.EqualTo((HttpStatusCode.InternalServerError, 3)));
    }

    [Test]
    public async Task A_server_that_never_answers_runs_into_the_attempt_timeout()
    {
        _server.InterfereAt("/songs/106", async (context, _) =>
        {
            await FakeApiServer.Hang(context);
            return true;
        });
        var client = Client(o =>
        {
            o.TimeoutSeconds = 0.2;
            o.MaxRetries = 1;
        });
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(106));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.Message, Does.Contain("/songs/106 got no answer within 0.2 s (Genius:TimeoutSeconds)"));
            Assert.That(_server.CountOf("/songs/106"), Is.EqualTo(2));
            Assert.That(clock.Elapsed, Is.InRange(TimeSpan.FromMilliseconds(380), TimeSpan.FromSeconds(5)));
        }
        _server.Interfere = null;
        Assert.That((await client.GetSongAsync(107)).Title, Is.EqualTo("Seventh"));
    }

    [Test]
    public void Repeated_server_errors_open_the_circuit_and_later_calls_fail_without_reaching_genius()
    {
        _server.Interfere = context => context.Request.Path.StartsWithSegments("/songs") ? Status(context, 500) : Task.FromResult(false);
        var client = Client(o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 3;
        });

        for (var i = 0; i < 3; i++)
        {
            Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(101));
        }
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            Assert.That(Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(102 + i))!.IsCircuitOpen, Is.True);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(_server.Requests.Count(r => r.Path.StartsWith("/songs/", StringComparison.Ordinal)), Is.EqualTo(3));
            Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        }
    }

    [Test]
    public async Task After_the_break_a_trial_call_goes_through_and_closes_the_circuit()
    {
        _server.Interfere = context => context.Request.Path.StartsWithSegments("/songs") ? Status(context, 500) : Task.FromResult(false);
        var client = Client(o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 2;
            o.CircuitBreakerBreakSeconds = 0.5;
        });
        for (var i = 0; i < 2; i++)
        {
            Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(101));
        }
        Assert.That(Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(101))!.IsCircuitOpen, Is.True);

        _server.Interfere = null;
        await Task.Delay(TimeSpan.FromSeconds(0.7));

        Assert.That((await client.GetSongAsync(101)).Title, Is.EqualTo("Paper Trail"));
        Assert.That((await client.GetSongAsync(102)).Title, Is.EqualTo("Year Only"));
    }

    [Test]
    public async Task Each_host_has_its_own_circuit()
    {
        var client = Client(o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 3;
        });
        var song = await client.GetSongAsync(101);
        _server.Interfere = context => context.Request.Path.StartsWithSegments("/songs") ? Status(context, 500) : Task.FromResult(false);
        for (var i = 0; i < 2; i++)
        {
            Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(102));
        }
        Assert.That(Assert.ThrowsAsync<ExternalApiException>(() => client.GetSongAsync(102))!.IsCircuitOpen, Is.True);

        // The same server under another name is another host to the pipeline.
        var otherHost = song.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        var html = await client.GetLyricsPageAsync(otherHost);

        Assert.That(html, Does.Contain("Ink on the"));
    }

    [Test]
    public async Task Requests_to_one_host_are_spaced_by_the_rate_limit()
    {
        var client = Client(o => o.RequestsPerSecond = 10);

        for (var id = 101; id <= 105; id++)
        {
            await client.GetSongAsync(id);
        }

        var times = _server.Requests.Select(r => r.At).ToList();
        // The first request takes the bucket's token and the second may catch the next refill; from then on, one per 100 ms.
        Assert.That(times[^1] - times[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)));
    }
}
