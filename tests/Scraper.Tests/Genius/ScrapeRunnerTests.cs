using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Scraping;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>Scrape jobs end to end: fake Genius in, TrackScraped events out, counts and failures on the job.</summary>
public class ScrapeRunnerTests
{
    private FakeGeniusServer _server = null!;
    private ServiceProvider? _services;
    private RecordingPublishEndpoint _published = null!;

    [SetUp]
    public async Task StartServer()
    {
        _published = new RecordingPublishEndpoint();
        _services = null;
        _server = await FakeGeniusServer.StartAsync(FakeGeniusData.TributeBand(), FakeGeniusData.Kendrick(), FakeGeniusData.Nas());
    }

    [TearDown]
    public async Task StopServer()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    private async Task<JobSnapshot> ScrapeAsync(IReadOnlyList<string> artists, int songLimit, Action<GeniusOptions>? configure = null)
    {
        _services = GeniusTestServices.Create(_server, configure, _published);
        var job = await _services.GetRequiredService<ScrapeRunner>().StartAsync(artists, songLimit);
        await job.FinishedAsync();
        return await _services.GetRequiredService<JobStore>().FindAsync(job.Id) ?? throw new AssertionException("The job is gone.");
    }

    private IReadOnlyList<TrackScraped> Tracks => _published.Published<TrackScraped>();

    [Test]
    public async Task Every_song_of_the_artist_up_to_the_limit_is_published_with_its_details()
    {
        var job = await ScrapeAsync(["Kendrick Lamar"], songLimit: 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.Kind, Is.EqualTo("scrape"));
            Assert.That(job.State, Is.EqualTo(JobState.Completed));
            Assert.That((job.Found, job.Fetched, job.Failed, job.SkippedDuplicate), Is.EqualTo((4L, 4L, 0L, 0L)));
            Assert.That(job.Errors, Is.Empty);
            Assert.That(Tracks.Select(t => t.SourceId), Is.EqualTo(new[] { "101", "102", "103", "104" }));
        }
        Assert.That(Tracks[0], Is.EqualTo(new TrackScraped(
            Source: "genius",
            SourceId: "101",
            Title: "Paper Trail",
            Artist: "Kendrick Lamar",
            Lyrics: "[Intro]\nYeah\n\n[Verse 1: Kendrick Lamar & Beyoncé]\nInk on the page\nRhymes 🔥",
            Album: "Test Album",
            ReleaseDate: new DateOnly(2017, 4, 14),
            Year: 2017,
            Language: "en",
            Views: 2_500_000,
            Url: $"{_server.BaseUrl}/song-101-lyrics")));
        Assert.That(Tracks[1], Is.EqualTo(new TrackScraped("genius", "102", "Year Only", "Kendrick Lamar", "Just a year\nNo day",
            Year: 2012, Url: $"{_server.BaseUrl}/song-102-lyrics")));
    }

    [Test]
    public async Task Several_artists_are_scraped_in_turn_and_one_genius_does_not_know_is_recorded()
    {
        var job = await ScrapeAsync(["Nas", "Nobody Known", "Kendrick Lamar"], songLimit: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.State, Is.EqualTo(JobState.Completed));
            Assert.That((job.Found, job.Fetched, job.Failed), Is.EqualTo((4L, 4L, 1L)));
            Assert.That(job.Errors.Single().Item, Is.EqualTo("artist 'Nobody Known'"));
            Assert.That(Tracks.Select(t => (t.Artist, t.SourceId)), Is.EqualTo(new[]
            {
                ("Nas", "301"), ("Nas", "302"), ("Kendrick Lamar", "101"), ("Kendrick Lamar", "102"),
            }));
        }
    }

    [TestCase(403)]
    [TestCase(404)]
    public async Task A_song_page_refused_is_recorded_and_the_other_songs_go_through(int status)
    {
        _server.Interfere = async context =>
        {
            if (context.Request.Path != "/song-102-lyrics")
            {
                return false;
            }
            context.Response.StatusCode = status;
            await context.Response.WriteAsync("<html>Access denied</html>");
            return true;
        };

        var job = await ScrapeAsync(["Kendrick Lamar"], songLimit: 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.State, Is.EqualTo(JobState.Completed));
            Assert.That((job.Found, job.Fetched, job.Failed), Is.EqualTo((4L, 3L, 1L)));
            Assert.That(job.Errors.Single().Item, Is.EqualTo("song 102 'Year Only'"));
            Assert.That(job.Errors.Single().Reason, Does.Contain(status.ToString(System.Globalization.CultureInfo.InvariantCulture)).And.Contain("/song-102-lyrics"));
            Assert.That(Tracks.Select(t => t.SourceId), Is.EqualTo(new[] { "101", "103", "104" }));
            Assert.That(_server.CountOf("/song-102-lyrics"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task A_song_page_that_never_answers_times_out_and_is_recorded_not_waited_for()
    {
        _server.Interfere = async context =>
        {
            if (context.Request.Path != "/song-103-lyrics")
            {
                return false;
            }
            await FakeApiServer.Hang(context);
            return true;
        };

        var job = await ScrapeAsync(["Kendrick Lamar"], songLimit: 4, o =>
        {
            o.TimeoutSeconds = 0.2;
            o.MaxRetries = 1;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.State, Is.EqualTo(JobState.Completed));
            Assert.That((job.Fetched, job.Failed), Is.EqualTo((3L, 1L)));
            Assert.That(job.Errors.Single().Item, Is.EqualTo("song 103 'Third'"));
            Assert.That(job.Errors.Single().Reason, Does.Contain("no answer within 0.2 s").And.Contain("/song-103-lyrics"));
            Assert.That(job.FinishedAt - job.StartedAt, Is.LessThan(TimeSpan.FromSeconds(10)));
            Assert.That(_server.CountOf("/song-103-lyrics"), Is.EqualTo(2));
        }
    }

    [TestCase("<html><body><div class=\"LyricsPlaceholder\">This song is an instrumental</div></body></html>")]
    [TestCase("<html><body><div data-lyrics-container=\"true\">[Instrumental]</div></body></html>")]
    [TestCase("<html><body><div data-lyrics-container=\"true\">[?]</div></body></html>")]
    public async Task A_song_without_lyrics_is_counted_as_such_and_not_published(string page)
    {
        _server.Interfere = async context =>
        {
            if (context.Request.Path != "/song-104-lyrics")
            {
                return false;
            }
            await context.Response.WriteAsync(page);
            return true;
        };

        var job = await ScrapeAsync(["Kendrick Lamar"], songLimit: 4);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.Stored, job.NoLyrics, job.Failed, job.Rejected), Is.EqualTo((3L, 1L, 0L, 0L)));
            Assert.That(job.Errors, Is.Empty);
            Assert.That(Tracks.Select(t => t.SourceId), Does.Not.Contain("104"));
        }
    }

    [Test]
    public async Task A_song_that_breaks_the_rules_is_rejected_naming_the_field_and_the_others_go_on()
    {
        var title = new string('t', TrackLimits.MaxTitleLength + 1);
        await _server.DisposeAsync();
        _server = await FakeGeniusServer.StartAsync(new FakeArtist(9, "Long Titles",
            [FakeGeniusData.Song(901, title), FakeGeniusData.Song(902, "Fine")]));

        var job = await ScrapeAsync(["Long Titles"], songLimit: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.Found, job.Stored, job.Rejected), Is.EqualTo((2L, 1L, 1L)));
            Assert.That(job.Errors.Single(), Is.EqualTo(JobError.ForItem($"song 901 '{title}'",
                $"is {title.Length} characters long; at most {TrackLimits.MaxTitleLength} are allowed", "title")));
            Assert.That(Tracks.Select(t => t.SourceId), Is.EqualTo(new[] { "902" }));
        }
    }

    [Test]
    public async Task When_genius_keeps_failing_the_circuit_opens_and_the_job_stops_with_the_reason()
    {
        _server.Interfere = async context =>
        {
            if (!context.Request.Path.StartsWithSegments("/songs"))
            {
                return false;
            }
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("{}");
            return true;
        };

        var job = await ScrapeAsync(["Kendrick Lamar", "Nas"], songLimit: 7, o =>
        {
            o.MaxRetries = 0;
            o.CircuitBreakerMinimumThroughput = 3;
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.State, Is.EqualTo(JobState.Failed));
            Assert.That(job.Reason, Does.Contain("Genius kept failing"));
            Assert.That(job.Failed, Is.GreaterThanOrEqualTo(1));
            Assert.That(job.Fetched, Is.Zero);
            Assert.That(_server.Requests.Count(r => r.Path.StartsWith("/songs/", StringComparison.Ordinal)), Is.LessThanOrEqualTo(3));
            Assert.That(_server.Requests, Has.None.Matches<RecordedRequest>(r => r.Path == "/search" && r.Query.Contains("Nas", StringComparison.Ordinal)));
        }
    }

    [Test]
    public async Task Stopping_the_service_interrupts_the_job_naming_the_instance()
    {
        _server.Interfere = async context =>
        {
            if (context.Request.Path != "/song-101-lyrics")
            {
                return false;
            }
            await FakeApiServer.Hang(context);
            return true;
        };
        _services = GeniusTestServices.Create(_server, null, _published);
        var job = await _services.GetRequiredService<ScrapeRunner>().StartAsync(["Kendrick Lamar"], 3);
        while (_server.CountOf("/song-101-lyrics") == 0)
        {
            await Task.Delay(10);
        }

        _services.GetRequiredService<StoppableLifetime>().StopApplication();
        var snapshot = await job.FinishedAsync();

        var stopped = _services.GetRequiredService<JobStore>().StoppedReason;
        Assert.That((snapshot.State, snapshot.Reason, snapshot.Fetched), Is.EqualTo((JobState.Interrupted, stopped, 0L)));
        Assert.That(stopped, Does.Contain(Environment.MachineName).And.Contain("stopped"));
    }
}
