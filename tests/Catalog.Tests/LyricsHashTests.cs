using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>The content hash folds case, punctuation and whitespace, so one song from two sources is stored once.</summary>
public class LyricsHashTests
{
    // printf '%s' "i got rhymes for days" | sha256sum
    private const string RhymesForDays = "53ea110d620a596db302e3260c6d2874e5de88c7c9273988d4d399bddc69c5b2";

    // printf '%s' "" | sha256sum
    private const string Empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [Test]
    public void The_hash_is_the_sha256_of_the_folded_lyrics()
    {
        Assert.That(LyricsHash.Compute("I got rhymes for days"), Is.EqualTo(RhymesForDays));
    }

    // Hashes as stored: a change to how the hash is computed must leave every one of them as it is, ASCII or not,
    // normalized or not, or lyrics imported again unchanged would no longer be known as a duplicate.
    [TestCase("MC Ren\r\n[Verse 1: Jay-Z]\nIt's the ROC!\n", "6796fb619f4295ceea87ee0517c7bb3eeaa7d6cdb072c23e6eaad0857d2ef268")]
    [TestCase("Beyoncé’s café — déjà vu, naïve", "d7b3f794d8e83989a8f777c7c27caceb394d676eb97000056f5afb725fd27d5b")]
    [TestCase("Привет, мир! 日本語のラップ 🔥", "fc7298162bd0818d9b47f3a129e07028a3fa56db4f85a2799123db499c50c4fa")]
    [TestCase("cafe\u0301 flow… ＲＨＹＭＥＳ ﬁre ½", "fd6d80e850a82cae28e3a51db02c6327145f4c0ba1fffaeef0306b87aae8d23c")]
    public void Stored_hashes_stay_as_they_are(string lyrics, string hash)
    {
        Assert.That(LyricsHash.Compute(lyrics), Is.EqualTo(hash));
    }

    [TestCase("i got rhymes for days")]
    [TestCase("I GOT RHYMES FOR DAYS")]
    [TestCase("I got rhymes, for days!")]
    [TestCase("  I   got rhymes\tfor days  ")]
    [TestCase("I got\nrhymes\r\n\r\nfor days\n")]
    [TestCase("\"I got rhymes...\" -- for (days)?")]
    [TestCase("I\u00A0got rhymes\u2003for days")]
    public void Case_punctuation_and_whitespace_fold_to_the_same_hash(string lyrics)
    {
        Assert.That(LyricsHash.Compute(lyrics), Is.EqualTo(RhymesForDays));
    }

    [Test]
    public void A_decomposed_accent_folds_like_the_precomposed_letter()
    {
        // "e" + U+0301 COMBINING ACUTE ACCENT is "é" (U+00E9) after the FormKC normalization the hash applies.
        Assert.That(LyricsHash.Compute("cafe\u0301 flow"), Is.EqualTo(LyricsHash.Compute("caf\u00E9 flow")));
    }

    [Test]
    public void Full_width_letters_fold_like_plain_ones()
    {
        // FormKC maps U+FF32 FULLWIDTH LATIN CAPITAL LETTER R (and the rest) to ASCII.
        Assert.That(LyricsHash.Compute("ＲＨＹＭＥＳ"), Is.EqualTo(LyricsHash.Compute("rhymes")));
    }

    [Test]
    public void An_apostrophe_is_dropped_inside_a_word()
    {
        Assert.That(LyricsHash.Compute("Don't stop"), Is.EqualTo(LyricsHash.Compute("dont stop")));
    }

    [TestCase("I got rhymes for nights")]
    [TestCase("I got rhymes for days for days")]
    [TestCase("I gotrhymes for days")]
    [TestCase("I got rhymes for day")]
    [TestCase("I got rhymes for days 2")]
    public void Different_words_give_a_different_hash(string lyrics)
    {
        Assert.That(LyricsHash.Compute(lyrics), Is.Not.EqualTo(RhymesForDays));
    }

    [Test]
    public void The_hash_is_64_lowercase_hex_characters()
    {
        Assert.That(LyricsHash.Compute("Yo, check the mic — one two!"), Does.Match("^[0-9a-f]{64}$"));
    }

    [TestCase("")]
    [TestCase("   \n\t ")]
    [TestCase("?!... --")]
    public void Lyrics_without_letters_or_digits_hash_like_the_empty_string(string lyrics)
    {
        Assert.That(LyricsHash.Compute(lyrics), Is.EqualTo(Empty));
    }
}
