using RapAnalyzer.Inference.Generation;

namespace RapAnalyzer.Inference.Tests.Generation;

public sealed class GenerationRequestTests
{
    [TestCase(0)]
    [TestCase(65)]
    [TestCase(-3)]
    public void Names_lines_out_of_range(int lines) =>
        Assert.That(new GenerationRequest("prompt", Lines: lines).Problems().Keys, Is.EquivalentTo(new[] { "lines" }));

    [TestCase("AAAA")]
    [TestCase("sonnet")]
    public void Names_an_unknown_rhyme_scheme(string scheme) =>
        Assert.That(new GenerationRequest("prompt", RhymeScheme: scheme).Problems().Keys, Is.EquivalentTo(new[] { "rhymeScheme" }));

    [TestCase(null)]
    [TestCase("   ")]
    [TestCase("!!! ???")]
    [TestCase("bad\0nul")]
    public void Names_a_missing_or_unusable_prompt(string? prompt) =>
        Assert.That(new GenerationRequest(prompt).Problems().Keys, Is.EquivalentTo(new[] { "prompt" }));

    [Test]
    public void Names_an_over_long_artist() =>
        Assert.That(new GenerationRequest("prompt", new string('a', 1000)).Problems().Keys, Is.EquivalentTo(new[] { "artist" }));

    [TestCase(1, "AABB")]
    [TestCase(64, "abab")]
    [TestCase(8, "free")]
    [TestCase(null, null)]
    public void Takes_a_valid_request(int? lines, string? scheme) =>
        Assert.That(new GenerationRequest("money on my mind", Lines: lines, RhymeScheme: scheme).Problems(), Is.Empty);
}
