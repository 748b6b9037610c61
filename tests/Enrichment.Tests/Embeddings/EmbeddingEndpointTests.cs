using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>The OpenAI-compatible endpoint client against a fake that speaks the embeddings API over HTTP.</summary>
public class EmbeddingEndpointTests
{
    private const string Track = "[Verse 1: MC Test]\nMoney on my mind\nRhymes every time\n\n[Chorus]\nWe ride tonight\n[Verse 2]\nOne more line\n[Chorus]\nWe ride tonight";

    private FakeOpenAiServer _server = null!;
    private ServiceProvider? _services;

    [SetUp]
    public async Task StartServer() => _server = await FakeOpenAiServer.StartAsync();

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

    private EmbeddingEndpoint Endpoint(Action<EmbeddingEndpointOptions>? configure = null)
    {
        _services = EmbeddingTestServices.Create(_server, configure);
        return _services.GetRequiredService<EmbeddingEndpoint>();
    }

    private Task<HealthCheckResult> HealthAsync() =>
        new EmbeddingEndpointHealthCheck(_services!.GetRequiredService<EmbeddingEndpoint>()).CheckHealthAsync(new HealthCheckContext());

    // An answer of the right shape whatever was asked: one vector, of two dimensions.
    private static async Task<bool> AnswerOneTwoDimensionalVector(HttpContext context, int count)
    {
        await context.Response.WriteAsJsonAsync(new
        {
            @object = "list",
            data = new[] { new { @object = "embedding", index = 0, embedding = new[] { 0.5f, 0.5f } } },
            model = FakeOpenAiServer.EmbeddingModel,
            usage = new { prompt_tokens = 3, total_tokens = 3 },
        });
        return true;
    }

    private static float[] Expected(params string[] sections) =>
        EmbeddingMath.NormalizedMean([.. sections.Select(text => EmbeddingMath.Normalize(FakeOpenAiServer.Embed(text)))]);

    [Test]
    public async Task A_track_is_the_normalised_mean_of_its_distinct_sections_as_the_endpoint_embeds_them()
    {
        var endpoint = Endpoint();

        var track = (await endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None)).Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(track.ModelId, Is.EqualTo(FakeOpenAiServer.EmbeddingModel));
            Assert.That(track.Chunks, Is.EqualTo(3), "the repeated chorus is sent once");
            Assert.That(_server.EmbeddingInputs.Single(), Is.EqualTo(new[] { "Money on my mind\nRhymes every time", "We ride tonight", "One more line" }));
            Assert.That(track.Vector, Has.Length.EqualTo(FakeOpenAiServer.DefaultDimensions));
            Assert.That(EmbeddingMath.Cosine(track.Vector, Expected("Money on my mind\nRhymes every time", "We ride tonight", "One more line")),
                Is.GreaterThan(0.99999f));
            Assert.That(track.Sections, Has.Count.EqualTo(3), "the sections' own vectors come with the track's");
            Assert.That(EmbeddingMath.Cosine(track.Sections[1], Expected("We ride tonight")), Is.GreaterThan(0.99999f));
            Assert.That(Math.Sqrt(track.Vector.Sum(x => (double)x * x)), Is.EqualTo(1).Within(1e-5));
            Assert.That(_server.Requests.Single().Authorization, Is.EqualTo($"Bearer {FakeOpenAiServer.ApiKey}"));
        });
    }

    [Test]
    public async Task Many_tracks_go_in_requests_of_at_most_InputsPerRequest_texts_and_come_back_in_order()
    {
        var endpoint = Endpoint(options => options.InputsPerRequest = 4);
        var tracks = Enumerable.Range(1, 5).Select(i => Lyrics.Parse($"[Verse]\nverse of track {i}\n[Hook]\nhook {i}\n[Outro]\nbye {i}")).ToList();

        var embeddings = await endpoint.EmbedTracksAsync(tracks, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(_server.EmbeddingInputs.Select(inputs => inputs.Count), Is.EqualTo(new[] { 4, 4, 4, 3 }));
            for (var i = 0; i < tracks.Count; i++)
            {
                Assert.That(EmbeddingMath.Cosine(embeddings[i]!.Vector, Expected($"verse of track {i + 1}", $"hook {i + 1}", $"bye {i + 1}")),
                    Is.GreaterThan(0.99999f), $"track {i + 1}");
            }
        });
    }

    [Test]
    public async Task Dimensions_are_asked_for_and_named_in_the_model_id()
    {
        var endpoint = Endpoint(options => options.Dimensions = 16);

        var track = (await endpoint.EmbedTracksAsync([Lyrics.Parse("one line only")], CancellationToken.None)).Single()!;

        Assert.That((track.ModelId, track.Vector.Length), Is.EqualTo(($"{FakeOpenAiServer.EmbeddingModel}/16", 16)));
    }

    [Test]
    public async Task A_track_without_lyric_lines_gets_no_vector_and_costs_no_input()
    {
        var endpoint = Endpoint();

        var embeddings = await endpoint.EmbedTracksAsync([Lyrics.Parse("[Instrumental]\n...\n"), Lyrics.Parse("real words here")], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(embeddings[0], Is.Null);
            Assert.That(embeddings[1], Is.Not.Null);
            Assert.That(_server.EmbeddingInputs.Single(), Is.EqualTo(new[] { "real words here" }));
        });
    }

    [Test]
    public async Task A_429_is_retried_after_the_wait_Retry_After_asks_for()
    {
        var endpoint = Endpoint();
        _server.InterfereAt("/v1/embeddings", async (context, count) =>
        {
            if (count > 1) return false;
            context.Response.StatusCode = 429;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Rate limit reached", type = "requests", code = "rate_limit_exceeded" } });
            return true;
        });
        var stopwatch = Stopwatch.StartNew();

        var track = (await endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None)).Single();

        Assert.Multiple(() =>
        {
            Assert.That(track, Is.Not.Null);
            Assert.That(_server.CountOf("/v1/embeddings"), Is.EqualTo(2));
            Assert.That(stopwatch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)));
        });
    }

    [Test]
    public async Task A_failing_endpoint_throws_naming_the_status_and_health_is_degraded_until_it_answers_again()
    {
        var endpoint = Endpoint();
        var failing = true;
        _server.InterfereAt("/v1/embeddings", async (context, _) =>
        {
            if (!failing) return false;
            context.Response.StatusCode = 500;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "The server had an error", type = "server_error" } });
            return true;
        });

        var failure = Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None));
        var degraded = await HealthAsync();
        failing = false;
        await endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None);
        var recovered = await HealthAsync();

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("HTTP 500").And.Contain(FakeOpenAiServer.EmbeddingModel));
            Assert.That(_server.CountOf("/v1/embeddings"), Is.EqualTo(3 + 1), "two retries, then the call that succeeded");
            Assert.That(degraded.Status, Is.EqualTo(HealthStatus.Degraded));
            Assert.That(degraded.Description, Does.Contain("HTTP 500"));
            Assert.That(recovered.Status, Is.EqualTo(HealthStatus.Healthy));
        });
    }

    [Test]
    public void A_wrong_key_or_model_is_not_retried()
    {
        var endpoint = Endpoint(options => options.ApiKey = "wrong-key");

        var failure = Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(failure!.Message, Does.Contain("HTTP 401"));
            Assert.That(_server.CountOf("/v1/embeddings"), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_hung_endpoint_ends_at_the_attempt_timeout()
    {
        var endpoint = Endpoint(options => (options.TimeoutSeconds, options.MaxRetries) = (0.3, 1));
        _server.InterfereAt("/v1/embeddings", (context, _) => FakeApiServer.Hang(context));
        var stopwatch = Stopwatch.StartNew();

        // WaitAsync: were the timeout missing, the test fails with a TimeoutException instead of hanging.
        Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void An_answer_whose_body_stalls_after_the_headers_ends_at_the_total_timeout()
    {
        var endpoint = Endpoint(options => (options.TimeoutSeconds, options.TotalTimeoutSeconds, options.MaxRetries) = (0.5, 1, 0));
        _server.InterfereAt("/v1/embeddings", async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"object\":\"list\",\"data\":[");
            await context.Response.Body.FlushAsync();
            return await FakeApiServer.Hang(context);
        });
        var stopwatch = Stopwatch.StartNew();

        // WaitAsync: were the timeout missing, the test fails with a TimeoutException instead of hanging.
        Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public async Task After_a_failure_the_endpoint_is_left_alone_for_the_cool_down()
    {
        var endpoint = Endpoint(options => (options.CooldownSeconds, options.MaxRetries) = (60, 0));
        _server.InterfereAt("/v1/embeddings", async (context, count) =>
        {
            if (count > 1) return false;
            context.Response.StatusCode = 503;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Overloaded", type = "server_error" } });
            return true;
        });

        Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None));
        var stopwatch = Stopwatch.StartNew();
        var skipped = Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None));
        var health = await HealthAsync();

        Assert.Multiple(() =>
        {
            Assert.That(skipped!.Message, Does.Contain("not called again").And.Contain("HTTP 503"));
            Assert.That(_server.CountOf("/v1/embeddings"), Is.EqualTo(1));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
            Assert.That(health.Status, Is.EqualTo(HealthStatus.Degraded));
        });
    }

    [Test]
    public async Task A_model_whose_vector_size_changes_is_refused()
    {
        var endpoint = Endpoint();
        await endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None);
        _server.InterfereAt("/v1/embeddings", AnswerOneTwoDimensionalVector);

        var failure = Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse("one line")], CancellationToken.None));

        Assert.That(failure!.Message, Does.Contain($"2-dimensional vectors where {FakeOpenAiServer.EmbeddingModel} has {FakeOpenAiServer.DefaultDimensions}"));
    }

    [Test]
    public void An_answer_with_too_few_vectors_is_refused()
    {
        var endpoint = Endpoint();
        _server.InterfereAt("/v1/embeddings", AnswerOneTwoDimensionalVector);

        var failure = Assert.ThrowsAsync<ExternalApiException>(() => endpoint.EmbedTracksAsync([Lyrics.Parse(Track)], CancellationToken.None));

        Assert.That(failure!.Message, Does.Contain("1 vectors for 3 texts"));
    }
}
