using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RapAnalyzer.Scraper.Apis;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Scraping;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary><c>POST /scrape</c>: 400 naming the field, 503 without a token, otherwise 202 with the job.</summary>
public class ScrapeApiTests
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

    private Task<Results<Accepted<JobSnapshot>, ValidationProblem, ProblemHttpResult>> Post(ScrapeRequest request, string? token = FakeGeniusServer.Token) =>
        ScrapeApi.StartScrape(request, _services.GetRequiredService<ScrapeRunner>(),
            Options.Create(new GeniusOptions { BaseUrl = _server.BaseUrl, AccessToken = token }));

    [Test]
    public async Task A_good_request_is_accepted_with_the_job_and_where_to_follow_it()
    {
        var result = (await Post(new ScrapeRequest(["Nas"], 2))).Result;

        var accepted = result as Accepted<JobSnapshot>;
        Assert.That(accepted, Is.Not.Null);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(accepted!.StatusCode, Is.EqualTo(StatusCodes.Status202Accepted));
            Assert.That(accepted.Value!.Kind, Is.EqualTo("scrape"));
            Assert.That(accepted.Location, Is.EqualTo($"/jobs/{accepted.Value.Id}"));
        }
        var job = await _services.GetRequiredService<JobStore>().FinishedAsync(accepted.Value!.Id);
        Assert.That(job.Fetched, Is.EqualTo(2));
    }

    [Test]
    public async Task No_artists_is_a_validation_problem_naming_artists()
    {
        var problem = (await Post(new ScrapeRequest([], 5))).Result as ValidationProblem;

        Assert.That(problem?.ProblemDetails.Errors, Does.ContainKey("artists"));
        Assert.That(problem!.StatusCode, Is.EqualTo(StatusCodes.Status400BadRequest));
    }

    [Test]
    public async Task A_blank_name_is_a_validation_problem_naming_it()
    {
        var problem = (await Post(new ScrapeRequest(["Nas", " "], 5))).Result as ValidationProblem;

        Assert.That(problem?.ProblemDetails.Errors.Keys, Is.EqualTo(new[] { "artists[1]" }));
    }

    [Test]
    public async Task Too_many_artists_is_a_validation_problem()
    {
        var artists = Enumerable.Range(0, 21).Select(i => (string?)$"Artist {i}").ToList();

        var problem = (await Post(new ScrapeRequest(artists, 5))).Result as ValidationProblem;

        Assert.That(problem?.ProblemDetails.Errors, Does.ContainKey("artists"));
    }

    [TestCase(0)]
    [TestCase(501)]
    public async Task A_song_limit_out_of_range_is_a_validation_problem_naming_song_limit(int limit)
    {
        var problem = (await Post(new ScrapeRequest(["Nas"], limit))).Result as ValidationProblem;

        Assert.That(problem?.ProblemDetails.Errors, Does.ContainKey("songLimit"));
    }

    [Test]
    public async Task Bad_input_starts_no_job()
    {
        await Post(new ScrapeRequest([""], 0));

        Assert.That(_server.Requests, Is.Empty);
    }

    [TestCase(null)]
    [TestCase("")]
    public async Task Without_a_token_scraping_is_unavailable_and_says_which_setting_is_missing(string? token)
    {
        var problem = (await Post(new ScrapeRequest(["Nas"], 5), token)).Result as ProblemHttpResult;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(problem?.StatusCode, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));
            Assert.That(problem?.ProblemDetails.Detail, Does.Contain("Genius:AccessToken"));
            Assert.That(_server.Requests, Is.Empty);
        }
    }
}
