using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Tests.Llm;

/// <summary>Reading an analysis out of what models really write.</summary>
public class LlmAnswerTests
{
    private const string Valid = FakeOpenAiServer.ValidAnalysis;

    [Test]
    public void A_plain_answer_is_read_and_themes_outside_the_list_are_dropped()
    {
        var reading = LlmAnswer.Read(Valid);

        Assert.That(reading.Errors, Is.Empty);
        Assert.That(reading.Judgement!.Themes, Is.EqualTo(new[] { "success", "money" }));
        Assert.That(reading.Judgement.Sentiment.Label, Is.EqualTo("positive"));
        Assert.That((reading.Judgement.Complexity, reading.Judgement.Quality), Is.EqualTo(((int?)7, (int?)8)));
    }

    [Test]
    public void A_think_block_and_a_fence_and_trailing_prose_are_stripped()
    {
        var answer = $"<think>\nThe user wants {{json}}. Let me count the rhymes...\n</think>\n\nHere it is:\n```json\n{Valid}\n```\nHope this helps {{:)}}";

        Assert.That(LlmAnswer.Read(answer).Judgement, Is.Not.Null);
    }

    [Test]
    public void Trailing_prose_after_unfenced_json_is_ignored()
    {
        Assert.That(LlmAnswer.Read(Valid + "\n\nNote: the song is {great}.").Judgement, Is.Not.Null);
    }

    [Test]
    public void A_closing_tag_without_its_opening_one_ends_the_reasoning()
    {
        Assert.That(LlmAnswer.Read("I think {this} is positive.</think>" + Valid).Judgement, Is.Not.Null);
    }

    [Test]
    public void An_answer_cut_off_while_thinking_holds_no_json()
    {
        var reading = LlmAnswer.Read("<think>Let me see, the answer is {\"sentiment\":");

        Assert.That(reading.Judgement, Is.Null);
        Assert.That(reading.Errors, Is.EqualTo(new[] { "the answer holds no JSON object" }));
    }

    [Test]
    public void Each_schema_violation_is_named_by_its_path()
    {
        var reading = LlmAnswer.Read(Valid.Replace("\"complexity\":7", "\"complexity\":11").Replace("\"positive\"", "\"happy\"")
            .Replace("\"isExplicit\":false", "\"isExplicit\":\"no\""));

        Assert.That(reading.Judgement, Is.Null);
        Assert.That(reading.Errors, Is.EquivalentTo(new[]
        {
            "$.complexity must be an integer from 1 to 10",
            "$.sentiment.label must be one of positive, negative, neutral, mixed",
            "$.explicit.isExplicit must be true or false",
        }));
    }

    [Test]
    public void Json_that_does_not_parse_is_an_error()
    {
        Assert.That(LlmAnswer.Read("{\"sentiment\": {\"label\": positive}}").Errors[0], Does.StartWith("the JSON does not parse"));
    }
}
