using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Tests;

public class LineSignsTests
{
    [Test]
    public void A_vectors_signs_are_one_bit_a_dimension_set_where_it_is_above_zero()
    {
        float[] vector = [0.5f, -0.1f, 0f, 2f, -3f, 0.01f, -0f, 1f, 0.2f];

        var signs = LyricsLineSigns.Of(vector);
        var bits = LineSigns.Bits(signs);

        Assert.Multiple(() =>
        {
            Assert.That(signs, Is.EqualTo(new byte[] { 0b1001_0101, 0b1000_0000 }), "the first dimension in the highest bit");
            Assert.That(Enumerable.Range(0, vector.Length).Select(i => bits[i]), Is.EqualTo(vector.Select(v => v > 0)));
            Assert.That(bits, Has.Count.EqualTo(16), "padded to whole bytes");
        });
    }

    [Test]
    public void A_use_lite_vector_makes_sixty_four_bytes()
    {
        var vector = Enumerable.Range(0, EmbeddingModels.UseLiteDimensions).Select(i => MathF.Sin(i)).ToArray();

        Assert.That(LyricsLineSigns.Of(vector), Has.Length.EqualTo(64));
    }
}
