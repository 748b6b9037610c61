using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Rhymes.Tests;

/// <summary>eSpeak NG through its C library: what <c>espeak-ng -xq -v en-us</c> prints, safe for any input and any thread.</summary>
public sealed class PhoneticTranscriberTests
{
    private static readonly PhoneticTranscriber Transcriber = new();

    [Test]
    public void A_line_is_transcribed_as_the_command_line_transcribes_it()
    {
        Assert.That(Transcriber.Transcribe("Living a day at a time be the rhythm that fit."),
            Is.EqualTo("l'IvIN a# d'eI at#@ t2'aIm bi: D@2 r'ID@m Dat f'It"));
    }

    [Test]
    public void Clauses_are_joined_by_spaces()
    {
        // The library stresses "what" and "when" less than the command line does; the phonemes are the same.
        Assert.That(Transcriber.Transcribe("What? Who? When? Again and again."), Is.EqualTo("w,Vt h'u: w,En a#g'En and a#g'En"));
    }

    [Test]
    public void A_line_ending_in_two_dots_leaves_nothing_for_the_next_call()
    {
        // Malmi's code ends every line with ".", so a line that ended with one ends with "..".
        Transcriber.Transcribe("Outta the thin air to the rescue..");
        Assert.That(Transcriber.Transcribe("About to bless you."), Does.Not.Contain("d'0t"));
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase(".")]
    [TestCase("??!!..")]
    public void Text_without_words_has_no_phonemes(string text)
    {
        Assert.That(Transcriber.Transcribe(text).Trim(), Is.Empty);
    }

    [Test]
    public void Hostile_text_is_transcribed_without_harm()
    {
        var longWord = new string('a', 20_000);
        var longLine = string.Join(' ', Enumerable.Repeat("money", 20_000));
        Assert.That(Transcriber.Transcribe(longWord), Is.Not.Empty);
        Assert.That(Transcriber.Transcribe(longLine).Split(' ').Length, Is.GreaterThanOrEqualTo(20_000));
        Assert.That(Transcriber.Transcribe("\0\u0001<speak>[[h@l'oU]]</speak>\uFFFD\uD83D\uDE00 ok"), Does.Contain("oU"));
    }

    [Test]
    public void Calls_from_many_threads_give_the_answers_of_one()
    {
        var lines = new[] { "I was making money", "the harbour lights are flickering", "fifty cents to fifty grand", "señorita on the boulevard" };
        var expected = lines.Select(Transcriber.Transcribe).ToArray();
        var results = new string[200];
        Parallel.For(0, results.Length, i => results[i] = Transcriber.Transcribe(lines[i % lines.Length]));
        Assert.That(results.Select((r, i) => r == expected[i % lines.Length]), Is.All.True);
    }
}
