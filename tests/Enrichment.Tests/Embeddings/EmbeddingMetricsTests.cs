using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>What a batch's embedding records for operators: each model's run time and batch size, tagged with the model.</summary>
public class EmbeddingMetricsTests
{
    private static readonly Lyrics[] Tracks =
        [Lyrics.Parse("[Verse]\nMoney on my mind"), Lyrics.Parse("Another track\nwith two lines"), Lyrics.Parse("A third\none")];

    private FakeOpenAiServer _server = null!;
    private ServiceProvider _services = null!;
    private MetricCollector<double> _durations = null!;
    private MetricCollector<int> _batchSizes = null!;

    [SetUp]
    public async Task Start()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _services = EmbeddingTestServices.Create(_server, options => options.MaxRetries = 0);
        var meters = _services.GetRequiredService<IMeterFactory>();
        _durations = new MetricCollector<double>(meters, RapAnalyzerTelemetry.MeterName, EnrichmentMetrics.EmbeddingDurationName);
        _batchSizes = new MetricCollector<int>(meters, RapAnalyzerTelemetry.MeterName, EnrichmentMetrics.EmbeddingBatchSizeName);
    }

    [TearDown]
    public async Task Stop()
    {
        _durations.Dispose();
        _batchSizes.Dispose();
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private static IEnumerable<(object? Model, T Value)> ByModel<T>(MetricCollector<T> collector) where T : struct =>
        collector.GetMeasurementSnapshot().Select(m => (m.Tags[EnrichmentMetrics.ModelTag], m.Value)).OrderBy(m => m.Item1);

    [Test]
    public async Task Each_models_run_records_its_duration_and_batch_size()
    {
        await _services.GetRequiredService<LyricsEmbedder>().EmbedTracksAsync(Tracks, CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ByModel(_batchSizes), Is.EqualTo(new (object?, int)[]
            {
                (FakeOpenAiServer.EmbeddingModel, Tracks.Length),
                (UniversalSentenceEncoder.UseLiteModelId, Tracks.Length),
            }));
            Assert.That(ByModel(_durations).Select(m => m.Model), Is.EqualTo(new[] { FakeOpenAiServer.EmbeddingModel, UniversalSentenceEncoder.UseLiteModelId }));
            Assert.That(ByModel(_durations).Select(m => m.Value), Has.All.Positive);
        }
    }

    [Test]
    public async Task A_failed_endpoint_run_is_not_recorded()
    {
        _server.Interfere = context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.FromResult(true);
        };

        await _services.GetRequiredService<LyricsEmbedder>().EmbedTracksAsync(Tracks, CancellationToken.None);

        Assert.That(ByModel(_batchSizes), Is.EqualTo(new (object?, int)[] { (UniversalSentenceEncoder.UseLiteModelId, Tracks.Length) }));
    }
}
