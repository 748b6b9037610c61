using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

/// <summary>Emoji written as their Unicode names, read from emoji-test.txt as VADER's reference reads it.</summary>
public class VaderEmojiTests
{
    [Test]
    public void Names_are_read_with_or_without_the_version_and_sequences_are_left_out()
    {
        var emoji = VaderEmoji.Parse(
        [
            "# group: Smileys & Emotion",
            "1F602                                                  ; fully-qualified     # 😂 E0.6 face with tears of joy",
            "2764                                                   ; unqualified         # ❤ red heart",
            "2764 FE0F                                              ; fully-qualified     # ❤️ E0.6 red heart",
            "1F44D 1F3FB                                            ; fully-qualified     # 👍🏻 E1.0 thumbs up: light skin tone",
            "1F3FB                                                  ; component           # 🏻 E1.0 light skin tone",
            "",
        ]);

        Assert.That(emoji.Count, Is.EqualTo(3), "😂, ❤ and 🏻: one code point each");
        Assert.That(emoji.Translate("lol😂!"), Is.EqualTo("lol face with tears of joy!"));
        Assert.That(emoji.Translate("❤️ you"), Is.EqualTo("red heart\uFE0F you"), "the variation selector stays, as in the reference");
        Assert.That(emoji.Translate("👍🏻"), Is.EqualTo("👍 light skin tone"));
        Assert.That(emoji.Translate("plain ASCII, no emoji"), Is.EqualTo("plain ASCII, no emoji"));
    }

    [Test]
    public void The_shipped_file_names_over_a_thousand_single_emoji()
    {
        var emoji = VaderEmoji.Load(new AnalysisOptions().EmojiNamesPath);

        Assert.That(emoji.Count, Is.GreaterThan(1_200), "the reference's Unicode 11 copy has 1,212");
        Assert.That(emoji.Translate("🔥"), Is.EqualTo("fire"));
        Assert.That(emoji.Translate("💯"), Is.EqualTo("hundred points"));
    }
}
