using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>
/// Text the catalog stores, or is asked to look up, is read back as it was given: no NUL, no other control character,
/// no broken Unicode, and no more characters than its column holds, counted as Postgres counts them.
/// </summary>
public class StorableTextTests
{
    [TestCase("MC Example")]
    [TestCase("Beyoncé")]
    [TestCase("🎤 Emoji MC")]
    [TestCase("AC/DC")]
    [TestCase("Zero\u200BWidth")]
    [TestCase("")]
    [TestCase(null)]
    public void Ordinary_text_can_be_stored(string? value)
    {
        Assert.That(StorableText.Check("artist", value, 20), Is.Null);
    }

    [Test]
    public void Text_of_the_maximum_length_can_be_stored_and_one_more_character_names_the_field()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(StorableText.Check("title", new string('x', 500), 500), Is.Null);
            Assert.That(StorableText.Check("title", new string('x', 501), 500),
                Is.EqualTo(new Rejection("title", "is 501 characters long; at most 500 are allowed")));
        }
    }

    [Test]
    public void An_emoji_counts_as_one_character_as_in_Postgres()
    {
        var emojis = string.Concat(Enumerable.Repeat("🎤", 300));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(emojis, Has.Length.EqualTo(600));
            Assert.That(StorableText.Check("artist", emojis, 300), Is.Null);
            Assert.That(StorableText.Check("artist", emojis + "x", 300)?.Reason, Is.EqualTo("is 301 characters long; at most 300 are allowed"));
            // Where a character is found, it is counted the same way.
            Assert.That(StorableText.Check("artist", "🎤🎤\0", 300)?.Reason, Is.EqualTo("holds a control character (U+0000) at character 3"));
        }
    }

    [TestCase("MC\0Example", "U+0000")]
    [TestCase("MC\u0007Example", "U+0007")]
    [TestCase("MC\tExample", "U+0009")]
    [TestCase("MC\nExample", "U+000A")]
    [TestCase("MC\rExample", "U+000D")]
    [TestCase("MC\u007FExample", "U+007F")]
    [TestCase("MC\u0085Example", "U+0085")]
    public void A_control_character_in_a_one_line_field_is_named_with_where_it_is(string value, string codePoint)
    {
        Assert.That(StorableText.Check("artist", value, 300), Is.EqualTo(new Rejection("artist", $"holds a control character ({codePoint}) at character 3")));
    }

    [Test]
    public void Multiline_text_keeps_line_breaks_and_tabs_but_not_NUL()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(StorableText.Check("lyrics", "line one\r\nline\ttwo\rthree\n", 100, multiline: true), Is.Null);
            Assert.That(StorableText.Check("lyrics", "line one\n\0", 100, multiline: true)?.Reason, Is.EqualTo("holds a control character (U+0000) at character 10"));
        }
    }

    // Built at run time: an attribute's string is stored as UTF-8, where a lone surrogate cannot be written.
    private static IEnumerable<TestCaseData> LoneSurrogates()
    {
        yield return new TestCaseData("MC \uD83C Example", '\uD83C', 4);
        yield return new TestCaseData("MC \uDFA4 Example", '\uDFA4', 4);
        yield return new TestCaseData("MC \uDFA4\uD83C Example", '\uDFA4', 4);
        yield return new TestCaseData("MC \uD83C", '\uD83C', 4);
        yield return new TestCaseData("🎤\uD800", '\uD800', 2);
    }

    [TestCaseSource(nameof(LoneSurrogates))]
    public void A_lone_surrogate_is_named_with_where_it_is(string value, char surrogate, int character)
    {
        Assert.That(StorableText.Check("title", value, 100)?.Reason, Is.EqualTo($"holds an unpaired surrogate (U+{(int)surrogate:X4}) at character {character}"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase("\u200B")]
    [TestCase("\uFEFF\u200D")]
    [TestCase(" \u202E \u200F")]
    public void A_required_field_that_is_blank_is_missing(string? value)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(StorableText.Check("name", value, 300, required: true), Is.EqualTo(new Rejection("name", "is missing")));
            Assert.That(Artist.NameProblem("name", value), Is.EqualTo("name is missing."));
        }
    }
}
