using Grpc.Core;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Enrichment.Grpc;
using RapAnalyzer.Enrichment.Tests.Embeddings;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>gRPC ComputeFeatures: the same analyzer; InvalidArgument naming "text" for none or too much.</summary>
public class EnrichmentGrpcServiceTests
{
    private static readonly EnrichmentGrpcService Service = new(Cmu.Analyzer, EmbeddingTestServices.LocalEmbedder);

    [Test]
    public async Task Text_gets_its_embedding_with_the_model_id()
    {
        var reply = await Service.Embed(new EmbedRequest { Text = "[Chorus]\nMaking money\nTaking honey" }, new TestServerCallContext());

        Assert.Multiple(() =>
        {
            Assert.That(reply.ModelId, Is.EqualTo("use-lite-en@0.2.0"));
            Assert.That(reply.Vector, Has.Count.EqualTo(512));
            Assert.That(reply.Chunks, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Text_gets_its_features()
    {
        var reply = await Service.ComputeFeatures(new TextRequest { Text = "[Chorus]\nMaking money\nTaking honey" }, new TestServerCallContext());

        Assert.That(reply.Lines, Is.EqualTo(2));
        Assert.That(reply.Sections, Is.EqualTo(1));
        Assert.That(reply.Words, Is.EqualTo(4));
        Assert.That(reply.UniqueWords, Is.EqualTo(4));
        Assert.That(reply.Syllables, Is.EqualTo(8));
        Assert.That(reply.RhymeDensity, Is.EqualTo(8.0 / 3).Within(1e-12), "e i i V i twice: taking 3, honey 5, over 3 words");
        Assert.That(reply.EndRhymeScheme, Is.EqualTo("AA"));
        Assert.That(reply.MultisyllableRhymes, Is.EqualTo(1));
    }

    [TestCase("")]
    [TestCase("  \n ")]
    [TestCase(FeaturesText.MaxLength + 1)]
    public void Empty_or_oversized_text_is_InvalidArgument_naming_text(object text)
    {
        var request = new TextRequest { Text = text as string ?? new string('a', (int)text) };

        var error = Assert.ThrowsAsync<RpcException>(() => Service.ComputeFeatures(request, new TestServerCallContext()));

        Assert.That(error!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(error.Status.Detail, Does.StartWith("text: "));
    }
}
