using RapAnalyzer.Inference.Generation;

namespace RapAnalyzer.Inference.Tests.Generation;

public sealed class LlmLinesTests
{
    [Test]
    public void Reads_plain_json() =>
        Assert.That(LlmLines.Parse("""{"lines": ["one line", " two line "]}""", 2), Is.EqualTo(new[] { "one line", "two line" }));

    [Test]
    public void Drops_a_think_block_fences_and_trailing_prose() =>
        Assert.That(LlmLines.Parse("<think>\nThey want {rhymes}.\n</think>\n```json\n{\"lines\": [\"a\", \"b\", \"c\"]}\n```\nHope you like it!", 2),
            Is.EqualTo(new[] { "a", "b" }));

    [Test]
    public void Reads_past_an_unopened_think_end() =>
        Assert.That(LlmLines.Parse("thinking about {it} </think> {\"lines\": [\"x\"]}", 1), Is.EqualTo(new[] { "x" }));

    [Test]
    public void Splits_lines_written_in_one_string_and_drops_their_numbering() =>
        Assert.That(LlmLines.Parse("{\"lines\": [\"1. I rise with the sun\\n2) I shine like gold\", \"- 3 the hard way\", \"* more\"]}", 4),
            Is.EqualTo(new[] { "I rise with the sun", "I shine like gold", "3 the hard way", "more" }));

    [Test]
    public void Reads_the_lines_as_one_string() =>
        Assert.That(LlmLines.Parse("{\"lines\": \"one line\\ntwo line\\n\"}", 2), Is.EqualTo(new[] { "one line", "two line" }));

    [Test]
    public void Keeps_a_number_that_starts_a_line() =>
        Assert.That(LlmLines.Parse("{\"lines\": [\"50 cent in my pocket\", \"2Pac on the speaker\"]}", 2),
            Is.EqualTo(new[] { "50 cent in my pocket", "2Pac on the speaker" }));

    [TestCase("no json here")]
    [TestCase("{\"verses\": [\"a\"]}")]
    [TestCase("{\"lines\": [\"a\",]")]
    [TestCase("{\"lines\": [\"only one\", \"  \"]}")]
    public void Refuses_an_answer_without_the_lines_asked_for(string answer) =>
        Assert.Throws<FormatException>(() => LlmLines.Parse(answer, 2));
}
