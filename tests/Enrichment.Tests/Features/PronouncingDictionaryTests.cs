using System.Text;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>The CMU dictionary's index.js read by the line scanner.</summary>
public class PronouncingDictionaryTests
{
    private static PronouncingDictionary Parse(string text) => PronouncingDictionary.Parse(Encoding.UTF8.GetBytes(text));

    [Test]
    public void The_real_file_holds_every_word_once()
    {
        // grep -c '^  "' index.js: 135,155 entries; grep -c '^  "[^"(]*":' index.js: 126,046 without the "(2)" alternates.
        Assert.That(Cmu.Dictionary.Count, Is.EqualTo(126_046));
    }

    [TestCase("fire", "F AY1 ER0")]
    [TestCase("a", "AH0")] // "a(2)": "EY1" is an alternate; the first pronunciation wins
    [TestCase("don't", "D OW1 N T")]
    [TestCase("'cause", "K AH0 Z")]
    [TestCase("zywicki", "Z IH0 W IH1 K IY0")] // the last entry
    [TestCase("'bout", "B AW1 T")] // the first entry
    [TestCase("aalborg", "AO1 L B AO0 R G")] // written "AO1 L B AO0 R G # place, danish"
    public void A_word_has_its_first_pronunciation(string word, string phonemes)
    {
        Assert.That(Cmu.Dictionary.TryGetPhonemes(word, out var found), Is.True);
        Assert.That(string.Join(' ', found!), Is.EqualTo(phonemes));
    }

    [TestCase("a(2)")]
    [TestCase("skrrt")]
    [TestCase("Fire")] // keys are lowercase; the tokenizer lowercases words
    public void Alternates_and_unknown_words_are_not_entries(string word)
    {
        Assert.That(Cmu.Dictionary.Contains(word), Is.False);
    }

    [Test]
    public void Only_lines_with_a_quoted_key_and_value_are_entries()
    {
        var dictionary = Parse("""
            /** @type {{ [word: string]: string }} */
            export const dictionary = {
              "rhyme": "R AY1 M",
              "rhyme(2)": "R AY1 M Z",
              "time":"T AY1 M"
            }
            """);

        Assert.That(dictionary.Count, Is.EqualTo(2));
        Assert.That(dictionary.TryGetPhonemes("time", out var time), Is.True);
        Assert.That(time, Is.EqualTo(new[] { "T", "AY1", "M" }));
    }

    [Test]
    public void A_file_with_no_entries_is_rejected()
    {
        Assert.That(() => Parse("export const dictionary = {}\n"), Throws.TypeOf<InvalidDataException>());
    }
}
