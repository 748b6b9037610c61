using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Apis;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>POST /features: features for any text; a 400 naming "text" for none or too much.</summary>
public class FeaturesApiTests
{
    private static Results<Ok<LyricsFeatures>, ValidationProblem> Post(FeaturesRequest? request) =>
        FeaturesApi.ComputeFeatures(request, Cmu.Analyzer);

    [Test]
    public void Lyrics_get_their_features()
    {
        var ok = Post(new FeaturesRequest("Making money\nTaking honey")).Result as Ok<LyricsFeatures>;

        Assert.That(ok, Is.Not.Null);
        Assert.That(ok!.Value!.Lines, Is.EqualTo(2));
        Assert.That(ok.Value.RhymeDensity, Is.EqualTo(8.0 / 3).Within(1e-12), "e i i V i twice: taking 3, honey 5, over 3 words");
    }

    [Test]
    public void The_json_is_the_pipelines_features_then_the_words_out_of_dictionary_and_the_sections()
    {
        var ok = (Ok<LyricsFeatures>)Post(new FeaturesRequest("Making money\nTaking honey")).Result;

        var names = JsonSerializer.SerializeToNode(ok.Value, JsonSerializerOptions.Web)!.AsObject().Select(property => property.Key);

        Assert.That(names, Is.EqualTo(typeof(TrackFeatures).GetProperties().Select(feature => JsonNamingPolicy.CamelCase.ConvertName(feature.Name))
            .Concat(["wordsOutOfDictionary", "perSection"])));
    }

    private static IEnumerable<TestCaseData> BadRequests()
    {
        yield return new TestCaseData(null).SetArgDisplayNames("no body");
        yield return new TestCaseData(new FeaturesRequest(null)).SetArgDisplayNames("no text");
        yield return new TestCaseData(new FeaturesRequest("")).SetArgDisplayNames("empty text");
        yield return new TestCaseData(new FeaturesRequest(" \n\t ")).SetArgDisplayNames("blank text");
        yield return new TestCaseData(new FeaturesRequest(new string('a', FeaturesText.MaxLength + 1))).SetArgDisplayNames("100,001 characters");
        yield return new TestCaseData(new FeaturesRequest("money\0in the bank")).SetArgDisplayNames("a NUL");
        yield return new TestCaseData(new FeaturesRequest("money \uD800 bank")).SetArgDisplayNames("an unpaired surrogate");
    }

    [TestCaseSource(nameof(BadRequests))]
    public void Missing_blank_oversized_or_unstorable_text_is_a_400_naming_text(FeaturesRequest? request)
    {
        var problem = Post(request).Result as ValidationProblem;

        Assert.That(problem, Is.Not.Null);
        Assert.That(problem!.StatusCode, Is.EqualTo(400));
        Assert.That(problem.ProblemDetails.Errors.Keys, Is.EqualTo(new[] { "text" }));
    }

    [Test]
    public void The_limit_is_inclusive()
    {
        var text = string.Concat(Enumerable.Repeat("flow ", FeaturesText.MaxLength / 5));

        Assert.That(text, Has.Length.EqualTo(FeaturesText.MaxLength));
        Assert.That(Post(new FeaturesRequest(text)).Result, Is.TypeOf<Ok<LyricsFeatures>>());
    }

    [Test]
    public void The_oversized_message_says_the_size_and_the_limit()
    {
        var problem = (ValidationProblem)Post(new FeaturesRequest(new string('a', 123_456))).Result;

        Assert.That(problem.ProblemDetails.Errors["text"], Is.EqualTo(new[] { "The text has 123,456 characters; at most 100,000 are accepted." }));
    }
}
