using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Enrichment.Spotify;

namespace RapAnalyzer.Enrichment.Tests.Spotify;

/// <summary>What enrichment sees: metadata or null, never an exception, and Spotify asked once per song.</summary>
public class SpotifyLookupTests
{
    private static readonly SpotifySong Alright = new("Alright", "Kendrick Lamar");

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

    private SpotifyLookup Lookup(Action<SpotifyOptions>? configure = null)
    {
        _services = SpotifyTestServices.Create(_server, configure);
        return _services.GetRequiredService<SpotifyLookup>();
    }

    private void OnSearch(Func<HttpContext, Task<bool>> answer) =>
        _server.InterfereAt("/v1/search", (context, _) => answer(context));

    [Test]
    public async Task Without_credentials_it_is_null_without_asking_spotify()
    {
        var lookup = Lookup(options => (options.ClientId, options.ClientSecret) = ("", ""));

        var one = await lookup.FindAsync(Alright);
        var all = await lookup.FindAllAsync([Alright, Alright]);

        Assert.That((lookup.IsEnabled, one, all, _server.Requests.Count), Is.EqualTo((false, (object?)null, new object?[] { null, null }, 0)));
    }

    [Test]
    public async Task The_same_song_is_looked_up_once_however_it_is_cased_and_spaced()
    {
        var lookup = Lookup();

        var first = await lookup.FindAsync(Alright);
        var second = await lookup.FindAsync(new SpotifySong("  ALRIGHT ", "kendrick   lamar"));

        Assert.That(first, Is.Not.Null);
        Assert.That((second, _server.CountOf("/v1/search")), Is.EqualTo((first, 1)));
    }

    [Test]
    public async Task A_song_spotify_does_not_know_is_remembered_too()
    {
        var lookup = Lookup();
        var unknown = new SpotifySong("Unreleased Demo", "Nobody");

        var answers = new[] { await lookup.FindAsync(unknown), await lookup.FindAsync(unknown) };

        Assert.That((answers, _server.CountOf("/v1/search")), Is.EqualTo((new object?[] { null, null }, 1)));
    }

    [Test]
    public async Task A_spotify_that_never_answers_gives_null_within_the_timeouts()
    {
        OnSearch(FakeApiServer.Hang);
        var lookup = Lookup(options => (options.TimeoutSeconds, options.MaxRetries) = (0.2, 1));
        var clock = Stopwatch.StartNew();

        var track = await lookup.FindAsync(Alright);

        Assert.That(track, Is.Null);
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(_server.CountOf("/v1/search"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_spotify_failing_with_500_for_ever_gives_null_after_the_retries()
    {
        OnSearch(async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{\"error\":{\"status\":500,\"message\":\"Server error\"}}");
            return true;
        });
        var lookup = Lookup(options => options.MaxRetries = 2);
        var clock = Stopwatch.StartNew();

        var track = await lookup.FindAsync(Alright);

        Assert.That((track, _server.CountOf("/v1/search")), Is.EqualTo(((object?)null, 3)));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public async Task A_broken_body_gives_null()
    {
        OnSearch(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"tracks\":{\"items\":[{\"id\":");
            return true;
        });

        Assert.That(await Lookup().FindAsync(Alright), Is.Null);
    }

    [Test]
    public async Task A_spotify_nobody_listens_on_gives_null()
    {
        var lookup = Lookup(options => options.ApiBaseUrl = options.AccountsBaseUrl = "http://127.0.0.1:1");

        Assert.That(await lookup.FindAsync(Alright), Is.Null);
    }

    [Test]
    public async Task A_failure_is_not_remembered_so_the_next_delivery_tries_again()
    {
        var failing = true;
        OnSearch(async context =>
        {
            if (!failing)
            {
                return false;
            }
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{}");
            return true;
        });
        var lookup = Lookup(options => options.MaxRetries = 0);

        var during = await lookup.FindAsync(Alright);
        failing = false;
        var after = await lookup.FindAsync(Alright);

        Assert.That((during, after?.SpotifyId), Is.EqualTo(((object?)null, "3iVcZ5G6tvkXZkZKlMpIUs")));
    }

    [Test]
    public async Task A_batch_is_answered_in_order_with_a_few_lookups_at_a_time()
    {
        var running = 0;
        var most = 0;
        OnSearch(async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(100);
            Interlocked.Decrement(ref running);
            return false;
        });
        var songs = Enumerable.Range(0, 12).Select(i => i % 3 == 0
            ? new SpotifySong($"Alright {i}", "Kendrick Lamar")
            : i % 3 == 1 ? new SpotifySong("N.Y. State of Mind", $"Nas {i}") : new SpotifySong($"Unknown {i}", "Nobody")).ToList();
        songs.Add(Alright);

        var found = await Lookup().FindAllAsync(songs);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(found, Has.Length.EqualTo(13));
            Assert.That(found[..12], Is.All.Null);
            Assert.That(found[12]?.SpotifyId, Is.EqualTo("3iVcZ5G6tvkXZkZKlMpIUs"));
            Assert.That(most, Is.InRange(2, SpotifyLookup.MaxParallelLookups));
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }
            seen = previous;
        }
    }
}
