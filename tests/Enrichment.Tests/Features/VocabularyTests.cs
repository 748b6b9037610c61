using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Unique words, type-token ratio and Daniels' unique words in the first n.</summary>
public class VocabularyTests
{
    [Test]
    public void Unique_words_and_type_token_ratio()
    {
        string[] words = ["the", "cat", "and", "the", "hat"];

        Assert.That(Vocabulary.UniqueWords(words), Is.EqualTo(4));
        Assert.That(Vocabulary.TypeTokenRatio(words.Length, 4), Is.EqualTo(0.8));
        Assert.That(Vocabulary.TypeTokenRatio(0, 0), Is.Zero);
    }

    [Test]
    public void Unique_words_in_the_first_n_look_no_further()
    {
        string[] words = ["i", "got", "i", "got", "money", "honey", "money"];

        Assert.That(Vocabulary.UniqueWordsInFirst(words, 4), Is.EqualTo(2)); // i, got
        Assert.That(Vocabulary.UniqueWordsInFirst(words, 5), Is.EqualTo(3)); // + money
        Assert.That(Vocabulary.UniqueWordsInFirst(words, 0), Is.Zero);
    }

    [Test]
    public void A_stream_shorter_than_n_gives_the_unique_words_of_all_of_it()
    {
        Assert.That(Vocabulary.UniqueWordsInFirst(["i", "got", "i"], Vocabulary.DanielsSampleSize), Is.EqualTo(2));
    }

    [Test]
    public void The_stream_is_read_only_as_far_as_n()
    {
        // An endless stream: word 0, word 1, ... word 2 repeats as word 0 every third word.
        static IEnumerable<string> Endless()
        {
            for (var i = 0; ; i++)
            {
                yield return $"word{i % 3}";
            }
        }

        Assert.That(Vocabulary.UniqueWordsInFirst(Endless(), 35_000), Is.EqualTo(3));
        Assert.That(Vocabulary.UniqueWordsInFirst(Endless(), 2), Is.EqualTo(2));
    }

    [Test]
    public void A_negative_n_is_refused()
    {
        Assert.That(() => Vocabulary.UniqueWordsInFirst(["a"], -1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
