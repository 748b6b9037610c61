using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Tests.Generation;

public sealed class LyricsVersesTests
{
    [Test]
    public void Splits_on_headers_and_blank_lines_and_keeps_a_repeated_chorus_once()
    {
        var verses = LyricsVerses.Split("[Verse 1]\na b\nc d\n\n[Chorus]\nhook one\nhook two\n[Verse 2]\ne f\n[Chorus]\nhook one\nhook two\n");

        Assert.That(verses, Is.EqualTo(new[] { new[] { "a b", "c d" }, new[] { "hook one", "hook two" }, new[] { "e f" } }));
    }

    [Test]
    public void A_track_stored_again_with_other_lyrics_replaces_its_lines()
    {
        var index = new LineIndex(new LinePhonetics(new LyricsTranscriber(new PhoneticTranscriber())));
        var id = Guid.NewGuid();

        var added = index.Add(id, "MC One", "first line of night\nsecond line of light", "h1");
        var again = index.Add(id, "MC One", "first line of night\nsecond line of light", "h1");
        var revised = index.Add(id, "mc one", "only one line now", "h2");

        Assert.Multiple(() =>
        {
            Assert.That((added, again, revised), Is.EqualTo((true, false, true)));
            Assert.That(index.Lines, Is.EqualTo(1));
            Assert.That(index.Tracks, Is.EqualTo(1));
            Assert.That(index.Artist("MC ONE"), Is.EqualTo("MC One"));
            Assert.That(index.Sample(null, 10, new Random(1)).Select(l => index.Line(l).Text), Is.EqualTo(new[] { "only one line now" }));
            Assert.That(index.Rhyming(index.Line(0).EndKey, null, 10, new Random(1)), Is.Empty);
        });
    }
}
