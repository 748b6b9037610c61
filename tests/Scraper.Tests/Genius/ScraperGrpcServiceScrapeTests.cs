using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RapAnalyzer.Protos.Scraper;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Grpc;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>gRPC <c>StartScrape</c>: the same rules as <c>POST /scrape</c>, in gRPC's status codes and field names.</summary>
public class ScraperGrpcServiceScrapeTests
{
    private FakeGeniusServer _server = null!;
    private ServiceProvider _services = null!;

    [SetUp]
    public async Task Start()
    {
        _server = await FakeGeniusServer.StartAsync(FakeGeniusData.Nas());
        _services = GeniusTestServices.Create(_server);
    }

    [TearDown]
    public async Task Stop()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ScraperGrpcService Service(string? token = FakeGeniusServer.Token) =>
        ActivatorUtilities.CreateInstance<ScraperGrpcService>(_services,
            Options.Create(new GeniusOptions { BaseUrl = _server.BaseUrl, AccessToken = token }));

    private static StartScrapeRequest Request(int songLimit, params string[] artists)
    {
        var request = new StartScrapeRequest { SongLimit = songLimit };
        request.Artists.AddRange(artists);
        return request;
    }

    [Test]
    public async Task A_good_request_starts_a_scrape_job()
    {
        var reply = await Service().StartScrape(Request(1, "Nas"), null!);

        var job = await _services.GetRequiredService<JobStore>().FinishedAsync(Guid.Parse(reply.JobId));
        Assert.That((reply.Kind, job.Kind), Is.EqualTo(("scrape", "scrape")));
        Assert.That(job.Fetched, Is.EqualTo(1));
    }

    [Test]
    public async Task The_job_reads_back_with_its_counts_and_errors()
    {
        var started = await Service().StartScrape(Request(1, "Nas", "Nobody Known"), null!);
        await _services.GetRequiredService<JobStore>().FinishedAsync(Guid.Parse(started.JobId));

        var job = await Service().GetJob(new GetJobRequest { JobId = started.JobId }, null!);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((job.Found, job.Stored, job.Updated, job.Fetched, job.Rejected, job.NoLyrics, job.Failed),
                Is.EqualTo((1L, 1L, 0L, 1L, 0L, 0L, 1L)));
            Assert.That((job.Errors.Single().Item, job.Errors.Single().Line, job.Errors.Single().Field), Is.EqualTo(("artist 'Nobody Known'", 0L, "")));
            Assert.That(job.Errors.Single().Reason, Does.Contain("no primary artist"));
        }
    }

    [Test]
    public async Task An_unset_song_limit_means_the_default()
    {
        var reply = await Service().StartScrape(Request(0, "Nas"), null!);

        var job = await _services.GetRequiredService<JobStore>().FinishedAsync(Guid.Parse(reply.JobId));
        Assert.That(job.Found, Is.EqualTo(2));
    }

    [Test]
    public void Bad_input_is_invalid_argument_naming_every_field()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => Service().StartScrape(Request(501, "Nas", " "), null!));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
            Assert.That(error.Status.Detail, Does.Contain("artists[1]:").And.Contain("song_limit:"));
        }
    }

    [Test]
    public void No_artists_is_invalid_argument()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => Service().StartScrape(Request(5), null!));

        Assert.That((error!.StatusCode, error.Status.Detail.StartsWith("artists:", StringComparison.Ordinal)),
            Is.EqualTo((StatusCode.InvalidArgument, true)));
    }

    [Test]
    public void Without_a_token_it_is_a_failed_precondition_naming_the_setting()
    {
        var error = Assert.ThrowsAsync<RpcException>(() => Service(token: null).StartScrape(Request(5, "Nas"), null!));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.FailedPrecondition));
            Assert.That(error.Status.Detail, Does.Contain("Genius:AccessToken"));
            Assert.That(_server.Requests, Is.Empty);
        }
    }
}
