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

    [Test]
    public void Json_after_prose_with_braces_is_found()
    {
        var reading = LlmAnswer.Read("Here is the analysis {as requested}, in the {schema} given:\n" + Valid);

        Assert.That(reading.Errors, Is.Empty);
    }

    [Test]
    public void A_fence_of_another_language_tag_and_trailing_commas_and_comments_are_read()
    {
        var answer = "```jsonc\n" + Valid.Replace("\"quality\":8,", "\"quality\":8, // out of 10\n").Replace("\"confident\"]", "\"confident\",]") + "\n```";

        Assert.That(LlmAnswer.Read(answer).Errors, Is.Empty);
    }

    [Test]
    public void Names_in_another_case_quoted_numbers_and_a_wrapping_object_are_read_as_meant()
    {
        var answer = "{\"analysis\": " + Valid
            .Replace("\"label\":\"positive\"", "\"Label\":\"Positive\"")
            .Replace("\"complexity\":7", "\"complexity\":\"7\"")
            .Replace("\"score\":0.62", "\"score\":\"0.62\"")
            .Replace("\"isExplicit\":false", "\"is_explicit\":\"false\"")
            .Replace("\"themes\":[\"success\",\"money\",\"outer space\"]", "\"Themes\":[\"Street_Life\",\"HIP HOP\",\"money\"]") + "}";

        var reading = LlmAnswer.Read(answer);

        Assert.That(reading.Errors, Is.Empty);
        var judgement = reading.Judgement!;
        Assert.That((judgement.Sentiment.Label, judgement.Sentiment.Score, judgement.Complexity, judgement.Explicit.IsExplicit),
            Is.EqualTo(("positive", 0.62, (int?)7, false)));
        Assert.That(judgement.Themes, Is.EqualTo(new[] { "street life", "hip-hop", "money" }));
    }

    [Test]
    public void Themes_written_as_one_string_are_split()
    {
        var reading = LlmAnswer.Read(Valid.Replace("[\"success\",\"money\",\"outer space\"]", "\"success, money; outer space\""));

        Assert.That(reading.Judgement!.Themes, Is.EqualTo(new[] { "success", "money" }));
    }

    [Test]
    public void Quoted_words_that_are_no_numbers_stay_errors()
    {
        var reading = LlmAnswer.Read(Valid.Replace("\"complexity\":7", "\"complexity\":\"high\"").Replace("\"confidence\":0.8", "\"confidence\":\"NaN\""));

        Assert.That(reading.Errors, Is.EquivalentTo(new[]
        {
            "$.complexity must be an integer from 1 to 10",
            "$.sentiment.confidence must be a number from 0 to 1",
        }));
    }

    [Test]
    public void A_draft_object_before_the_answer_is_passed_over()
    {
        var reading = LlmAnswer.Read("The schema wants {\"sentiment\": {\"label\": \"...\"}}, so here it is: " + Valid);

        Assert.That(reading.Errors, Is.Empty);
    }

    [Test]
    public void An_object_inside_a_broken_answer_is_not_taken_for_it()
    {
        var reading = LlmAnswer.Read(Valid.Replace("\"No profanity.\"", "\"No \"profanity\".\""));

        Assert.That(reading.Judgement, Is.Null);
        Assert.That(reading.Errors.Single(), Does.StartWith("the JSON does not parse"));
    }
}
