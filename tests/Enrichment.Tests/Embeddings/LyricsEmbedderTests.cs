using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Enrichment.Apis;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>USE-Lite always, the endpoint beside it when configured; what the pipeline and POST /embed get when it fails.</summary>
public class LyricsEmbedderTests
{
    private const string Text = "[Verse]\nMoney on my mind\n[Chorus]\nWe ride tonight";

    private FakeOpenAiServer _server = null!;
    private ServiceProvider _services = null!;
    private bool _failing;

    [SetUp]
    public async Task Start()
    {
        _failing = false;
        _server = await FakeOpenAiServer.StartAsync();
        _server.Interfere = async context =>
        {
            if (!_failing) return false;
            context.Response.StatusCode = 503;
            await context.Response.WriteAsJsonAsync(new { error = new { message = "Overloaded", type = "server_error" } });
            return true;
        };
        _services = EmbeddingTestServices.Create(_server, options => options.MaxRetries = 0);
    }

    [TearDown]
    public async Task Stop()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private LyricsEmbedder Embedder => _services.GetRequiredService<LyricsEmbedder>();

    [Test]
    public async Task Tracks_get_a_USE_Lite_vector_and_the_endpoints()
    {
        var tracks = await Embedder.EmbedTracksAsync([Lyrics.Parse(Text), Lyrics.Parse("Another track\nwith two lines")], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(tracks.Select(t => t.Select(e => e.ModelId)), Has.All.EqualTo(new[] { UniversalSentenceEncoder.UseLiteModelId, FakeOpenAiServer.EmbeddingModel }));
            Assert.That(tracks[0][0].Vector, Is.EqualTo(EmbeddingTestFiles.Encoder.EmbedTrack(Text).Vector));
            Assert.That(tracks[0][1].Vector, Has.Length.EqualTo(FakeOpenAiServer.DefaultDimensions));
            Assert.That(Embedder.Models, Is.EqualTo(new[] { FakeOpenAiServer.EmbeddingModel, UniversalSentenceEncoder.UseLiteModelId }));
            Assert.That(Embedder.DefaultModel, Is.EqualTo(FakeOpenAiServer.EmbeddingModel));
        });
    }

    [Test]
    public async Task When_the_endpoint_fails_tracks_still_get_their_USE_Lite_vector()
    {
        _failing = true;

        var tracks = await Embedder.EmbedTracksAsync([Lyrics.Parse(Text)], CancellationToken.None);

        Assert.That(tracks.Single().Select(e => e.ModelId), Is.EqualTo(new[] { UniversalSentenceEncoder.UseLiteModelId }));
    }

    [Test]
    public async Task Without_an_endpoint_only_USE_Lite_embeds_and_it_is_the_default()
    {
        var local = EmbeddingTestServices.LocalEmbedder;

        var tracks = await local.EmbedTracksAsync([Lyrics.Parse(Text)], CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(tracks.Single().Select(e => e.ModelId), Is.EqualTo(new[] { UniversalSentenceEncoder.UseLiteModelId }));
            Assert.That((local.DefaultModel, local.Models), Is.EqualTo((UniversalSentenceEncoder.UseLiteModelId, new[] { UniversalSentenceEncoder.UseLiteModelId })));
        });
    }

    [Test]
    public async Task Post_embed_uses_the_default_model_or_the_one_named()
    {
        var byDefault = (await EmbedApi.Embed(new EmbedRequest(Text), Embedder, CancellationToken.None)).Result as Ok<TextEmbedding>;
        var named = (await EmbedApi.Embed(new EmbedRequest(Text, UniversalSentenceEncoder.UseLiteModelId), Embedder, CancellationToken.None)).Result as Ok<TextEmbedding>;

        Assert.Multiple(() =>
        {
            Assert.That(byDefault!.Value!.ModelId, Is.EqualTo(FakeOpenAiServer.EmbeddingModel));
            Assert.That(byDefault.Value.Degraded, Is.Null);
            Assert.That(named!.Value!.ModelId, Is.EqualTo(UniversalSentenceEncoder.UseLiteModelId));
            Assert.That(named.Value.Vector, Has.Length.EqualTo(512));
        });
    }

    [Test]
    public async Task Post_embed_without_a_model_falls_back_to_USE_Lite_and_says_why_when_the_endpoint_fails()
    {
        _failing = true;

        var answer = (await EmbedApi.Embed(new EmbedRequest(Text), Embedder, CancellationToken.None)).Result as Ok<TextEmbedding>;

        Assert.Multiple(() =>
        {
            Assert.That(answer!.Value!.ModelId, Is.EqualTo(UniversalSentenceEncoder.UseLiteModelId));
            Assert.That(answer.Value.Degraded, Does.Contain("HTTP 503").And.Contain(UniversalSentenceEncoder.UseLiteModelId));
        });
    }

    [Test]
    public async Task Post_embed_naming_a_failing_endpoints_model_is_a_503()
    {
        _failing = true;

        var answer = (await EmbedApi.Embed(new EmbedRequest(Text, FakeOpenAiServer.EmbeddingModel), Embedder, CancellationToken.None)).Result as ProblemHttpResult;

        Assert.That(answer!.StatusCode, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));
    }

    [TestCase("no-such-model", "model")]
    [TestCase(null, "text")]
    public async Task Post_embed_names_the_bad_field(string? model, string field)
    {
        var text = model is null ? "[Intro]\n...\n" : Text;

        var answer = (await EmbedApi.Embed(new EmbedRequest(text, model), Embedder, CancellationToken.None)).Result as ValidationProblem;

        Assert.That(answer!.ProblemDetails.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(_server.CountOf("/v1/embeddings"), Is.Zero);
    }

    [Test]
    public void Get_embed_models_lists_the_models_and_the_default()
    {
        var answer = EmbedApi.Models(Embedder).Value!;

        Assert.That((answer.Default, answer.Models), Is.EqualTo((FakeOpenAiServer.EmbeddingModel,
            new[] { FakeOpenAiServer.EmbeddingModel, UniversalSentenceEncoder.UseLiteModelId })));
    }
}
