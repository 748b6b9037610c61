using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Apis;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Tests.Genius;

namespace RapAnalyzer.Scraper.Tests.Import;

/// <summary>
/// <c>POST /import</c> on a real Kestrel: the body streamed through the import as it arrives, the configured maximum
/// enforced whether the size is declared or not, and an upload cut off midway ending its job, with nothing on disk.
/// </summary>
public sealed class ImportApiTests
{
    private const long MaxUploadBytes = 64 * 1024;
    private WebApplication _app = null!;
    private HttpClient _http = null!;
    private RecordingPublishEndpoint _published = null!;
    private FakeLogCollector _logs = null!;

    [SetUp]
    public async Task Start()
    {
        _published = new RecordingPublishEndpoint();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders().AddFakeLogging();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddIngestion(_published);
        builder.Services.Configure<ImportOptions>(options => options.MaxUploadBytes = MaxUploadBytes);
        _app = builder.Build();
        _app.MapImportApi();
        _app.MapJobsApi();
        await _app.StartAsync();
        _logs = _app.Services.GetFakeLogCollector();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    [TearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string Rows(int from, int count) =>
        string.Concat(Enumerable.Range(from, count).Select(i => $"{i},Song {i},MC Example,\"verse number {i}\nof mine\"\n"));

    private const string Header = "id,title,artist,lyrics\n";

    private static HttpContent Csv(string text)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }

    [Test]
    public async Task A_dataset_is_imported_as_its_body_streams_in_and_answered_with_the_job()
    {
        using var response = await _http.PostAsync("/import", new ChunkedContent(Header + Rows(1, 50), chunkSize: 100));
        var job = await response.Content.ReadFromJsonAsync<JobSnapshot>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/jobs/{job!.Id}"));
            Assert.That((job.State, job.Found, job.Stored), Is.EqualTo((JobState.Completed, 50L, 50L)));
            Assert.That(_published.Published<TrackScraped>(), Has.Count.EqualTo(50));
        }
    }

    [Test]
    public async Task A_body_declared_larger_than_the_maximum_is_refused_before_it_is_read()
    {
        using var response = await _http.PostAsync("/import", Csv(Header + Rows(1, 2_000)));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(problem!["detail"]!.GetValue<string>(), Does.Contain($"Import:MaxUploadBytes ({MaxUploadBytes} bytes)"));
            Assert.That(_published.Published<TrackScraped>(), Is.Empty);
        }
    }

    [Test]
    public async Task A_chunked_body_that_grows_past_the_maximum_is_stopped_and_its_job_says_how_far_it_got()
    {
        using var response = await _http.PostAsync("/import", new ChunkedContent(Header + Rows(1, 2_000), chunkSize: 4096));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        var job = await _http.GetFromJsonAsync<JobSnapshot>(problem!["job"]!.GetValue<string>());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("Import:MaxUploadBytes"));
            Assert.That(job!.State, Is.EqualTo(JobState.Failed));
            Assert.That(job.Found, Is.GreaterThan(0).And.LessThan(2_000));
            Assert.That(_published.Published<TrackScraped>(), Has.Count.EqualTo(job.Stored));
        }
    }

    [Test]
    public async Task A_csv_whose_header_lacks_a_required_column_is_a_validation_problem_naming_the_body_and_stores_nothing()
    {
        using var response = await _http.PostAsync("/import", Csv("title,artist\nT,A\n"));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem!["errors"]!["body"]![0]!.GetValue<string>(), Is.EqualTo("The dataset cannot be read: the header has no 'id' column."));
            Assert.That(problem["job"], Is.Not.Null);
            Assert.That(_published.Published<TrackScraped>(), Is.Empty);
            Assert.That(_logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error), Is.Empty);
        }
    }

    [Test]
    public async Task An_empty_body_is_a_validation_problem_naming_the_body()
    {
        using var response = await _http.PostAsync("/import", Csv(""));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(problem!["errors"]!["body"], Is.Not.Null);
        }
    }

    [Test]
    public async Task An_upload_cut_off_midway_ends_its_job_failed_with_what_was_read_and_leaves_no_file()
    {
        var tempBefore = ScraperTempFiles();

        // Given up once the scraper is importing it, so the request surely reached it.
        var upload = new ChunkedContent(Header + Rows(1, 300), chunkSize: 1024, failAfter: 8 * 1024, beforeFailing: () => UploadJobAsync(running: true));

        Assert.That(async () => await _http.PostAsync("/import", upload), Throws.InstanceOf<HttpRequestException>());
        var job = await UploadJobAsync(running: false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job.State, Is.EqualTo(JobState.Failed));
            Assert.That(job.Reason, Is.Not.Empty);
            Assert.That(job.Found, Is.GreaterThan(0).And.LessThan(300));
            Assert.That(ScraperTempFiles(), Is.EquivalentTo(tempBefore));
            Assert.That(_logs.GetSnapshot().Where(r => r.Level >= LogLevel.Error).Select(r => r.Message), Is.Empty,
                "a client's broken upload is not the scraper's error");
        }
    }

    /// <summary>The job of the upload, found by the log line that starts it, once it is running or once it has ended.</summary>
    private async Task<JobSnapshot> UploadJobAsync(bool running)
    {
        var jobs = _app.Services.GetRequiredService<JobStore>();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var started = _logs.GetSnapshot().FirstOrDefault(r => r.Message.Contains("of an upload started"));
            if (started?.StructuredState?.FirstOrDefault(s => s.Key == "JobId").Value is { } id
                && await jobs.FindAsync(Guid.Parse(id)) is { } job && job.State == JobState.Running == running)
            {
                return job;
            }
            await Task.Delay(25);
        }
        throw new AssertionException($"The upload's job was not found {(running ? "running" : "ended")}.");
    }

    /// <summary>What the scraper or ASP.NET Core would name a spooled upload in the temp folder.</summary>
    private static string[] ScraperTempFiles() =>
        [.. Directory.EnumerateFiles(Path.GetTempPath()).Select(Path.GetFileName).Where(name =>
            name!.StartsWith("rapanalyzer-import", StringComparison.Ordinal) || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal))!];

    /// <summary>A CSV sent without a length, in chunks, as a client streaming a file does; optionally cut off after some bytes.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _chunkSize;
        private readonly int? _failAfter;
        private readonly Func<Task>? _beforeFailing;

        public ChunkedContent(string text, int chunkSize, int? failAfter = null, Func<Task>? beforeFailing = null)
        {
            (_bytes, _chunkSize, _failAfter, _beforeFailing) = (Encoding.UTF8.GetBytes(text), chunkSize, failAfter, beforeFailing);
            Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var sent = 0; sent < _bytes.Length; sent += _chunkSize)
            {
                if (sent >= _failAfter)
                {
                    await (_beforeFailing?.Invoke() ?? Task.CompletedTask);
                    throw new IOException("The client gave up.");
                }
                await stream.WriteAsync(_bytes.AsMemory(sent, Math.Min(_chunkSize, _bytes.Length - sent)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
