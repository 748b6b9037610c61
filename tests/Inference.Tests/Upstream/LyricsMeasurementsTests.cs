using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Tests.Embedded;
using RapAnalyzer.Inference.Upstream;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Inference.Tests.Upstream;

/// <summary>What the analysis asks enrichment for: nothing it already has from the track's enrichment.</summary>
public class LyricsMeasurementsTests
{
    private const string Lyrics = "[Verse 1]\nMoney on my mind\nCounting every dime";

    private static readonly TrackFeatures Features = new(2, 1, 7, 7, 1, 9, 4.5, 0.25, 0.2, "AA", 0, 90);

    [Test]
    public async Task An_enrichments_sections_are_used_as_they_came_and_only_the_descriptors_are_embedded()
    {
        var enrichment = new RecordingEnrichment();
        var measurements = new LyricsMeasurements(new RapAnalyzer.Protos.Enrichment.Enrichment.EnrichmentClient(enrichment), NullLogger<LyricsMeasurements>.Instance);
        // A section that says just what the money theme's description says.
        var money = Themes.All.Single(t => t.Name == "money");
        var known = new KnownSections([RecordingEnrichment.VectorOf(money.Description)]);

        var measured = await measurements.MeasureAsync(Lyrics, Features, withSections: true, CancellationToken.None, known);

        Assert.Multiple(() =>
        {
            Assert.That(measured.Degraded, Is.Null);
            Assert.That(measured.Vectors!.Sections, Is.EqualTo(known.Vectors));
            Assert.That(enrichment.Calls, Has.None.EqualTo("EmbedSections").And.None.EqualTo("ComputeFeatures"));
            Assert.That(enrichment.Models.Distinct(), Is.EqualTo(new[] { EmbeddingModels.UseLite }));
            Assert.That(ModelData.Analyzer.Analyze(Lyrics, Features, measured.Vectors).Themes[0], Is.EqualTo("money"));
        });
    }

    [Test]
    public async Task Without_them_the_sections_are_embedded_by_use_lite_asked_for_by_name()
    {
        var enrichment = new RecordingEnrichment();
        var measurements = new LyricsMeasurements(new RapAnalyzer.Protos.Enrichment.Enrichment.EnrichmentClient(enrichment), NullLogger<LyricsMeasurements>.Instance);

        var measured = await measurements.MeasureAsync(Lyrics, Features, withSections: true, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(measured.Degraded, Is.Null);
            Assert.That(measured.Vectors!.Sections, Has.Count.EqualTo(1));
            Assert.That(enrichment.Calls, Has.One.EqualTo("EmbedSections"));
            // An embedding endpoint, when configured, is enrichment's default: the analyzer must not get its vectors.
            Assert.That(enrichment.Models.Distinct(), Is.EqualTo(new[] { EmbeddingModels.UseLite }));
        });
    }

    [Test]
    public void Sections_an_enrichment_may_have_cut_short_are_not_taken()
    {
        TrackEnriched Enriched(int sections, string model = EmbeddingModels.UseLite) => new(Guid.NewGuid(), Features,
            [new LyricsEmbedding(model, [1f], [.. Enumerable.Range(0, sections).Select(i => new LyricsSectionEmbedding($"section {i}", [i]))])], null, []);

        Assert.Multiple(() =>
        {
            Assert.That(KnownSections.Of(Enriched(3))!.Vectors, Has.Count.EqualTo(3));
            Assert.That(KnownSections.Of(Enriched(LyricsEmbedding.MostSections - 1)), Is.Not.Null);
            Assert.That(KnownSections.Of(Enriched(LyricsEmbedding.MostSections)), Is.Null, "at the cap, more sections may have been left out");
            Assert.That(KnownSections.Of(Enriched(0)), Is.Null);
            Assert.That(KnownSections.Of(Enriched(3, "an-endpoint-model")), Is.Null, "another model's vectors are not USE-Lite's");
        });
    }

    /// <summary>
    /// Enrichment's gRPC as a client sees it, answering Embed and EmbedSections with a vector made from the text's
    /// words and recording each call and the model it asked for.
    /// </summary>
    private sealed class RecordingEnrichment : CallInvoker
    {
        private readonly object _gate = new();

        public List<string> Calls { get; } = [];

        public List<string> Models { get; } = [];

        public static float[] VectorOf(string text)
        {
            var vector = new float[64];
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)StringComparer.Ordinal.GetHashCode(word) % 64)] += 1;
            }
            return vector;
        }

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host,
            CallOptions options, TRequest request)
        {
            var embed = request as EmbedRequest;
            lock (_gate)
            {
                Calls.Add(method.Name);
                if (embed is not null)
                {
                    Models.Add(embed.Model);
                }
            }
            object reply = method.Name switch
            {
                "Embed" => Embedding(embed!.Text, embed.Model),
                "EmbedSections" => Sections(embed!.Text, embed.Model),
                _ => throw new RpcException(new Status(StatusCode.Unimplemented, method.Name)),
            };
            return new AsyncUnaryCall<TResponse>(Task.FromResult((TResponse)reply), Task.FromResult(new Metadata()), () => Status.DefaultSuccess,
                () => [], () => { });
        }

        private static EmbeddingReply Embedding(string text, string model)
        {
            var reply = new EmbeddingReply { ModelId = model };
            reply.Vector.AddRange(VectorOf(text));
            return reply;
        }

        private static SectionEmbeddingsReply Sections(string text, string model)
        {
            var reply = new SectionEmbeddingsReply { ModelId = model };
            var section = new SectionVector();
            section.Vector.AddRange(VectorOf(text));
            reply.Sections.Add(section);
            return reply;
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options,
            TRequest request) => throw new NotSupportedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method,
            string? host, CallOptions options, TRequest request) => throw new NotSupportedException();

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
            Method<TRequest, TResponse> method, string? host, CallOptions options) => throw new NotSupportedException();
    }
}
