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
    public async Task Each_distinct_section_gets_its_own_vector_as_Embed_gives_it()
    {
        const string verse = "I walk the city streets at night\nThe neon burning way too bright";
        const string chorus = "Making money\nTaking honey";
        var lyrics = $"[Verse 1]\n{verse}\n\n[Chorus]\n{chorus}\n\n[Verse 2]\n{verse}\n\n[Chorus]\n{chorus}";

        var reply = await Service.EmbedSections(new EmbedRequest { Text = lyrics }, new TestServerCallContext());
        var alone = await Service.Embed(new EmbedRequest { Text = chorus }, new TestServerCallContext());

        Assert.That(reply.ModelId, Is.EqualTo("use-lite-en@0.2.0"));
        Assert.That(reply.Sections, Has.Count.EqualTo(2), "the repeated verse and chorus are embedded once");
        Assert.That(reply.Sections.Select(s => s.Vector.Count), Is.All.EqualTo(512));
        Assert.That(reply.Sections[1].Vector.ToArray(), Is.EqualTo(alone.Vector.ToArray()).Within(1e-5f), "batched with the verse, the chorus's vector is its own");
        Assert.That(reply.Sections[0].Vector.ToArray(), Is.Not.EqualTo(reply.Sections[1].Vector.ToArray()).Within(1e-3f));
    }

    [Test]
    public void Sections_of_a_text_without_lyric_lines_or_of_an_unknown_model_are_InvalidArgument_naming_the_field()
    {
        var noLines = Assert.ThrowsAsync<RpcException>(() => Service.EmbedSections(new EmbedRequest { Text = "[Intro]" }, new TestServerCallContext()));
        var unknown = Assert.ThrowsAsync<RpcException>(() =>
            Service.EmbedSections(new EmbedRequest { Text = "Making money", Model = "no-such-model" }, new TestServerCallContext()));

        Assert.That(noLines!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(noLines.Status.Detail, Does.StartWith("text: "));
        Assert.That(unknown!.StatusCode, Is.EqualTo(StatusCode.InvalidArgument));
        Assert.That(unknown.Status.Detail, Does.StartWith("model: "));
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
