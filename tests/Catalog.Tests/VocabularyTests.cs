using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Tests;

public sealed class VocabularyTests
{
    [Test]
    public void Counts_unique_words_among_the_first_n_only()
    {
        string[] words = ["yo", "yo", "check", "the", "mic", "check", "new", "words", "later"];

        var figure = Vocabulary.UniqueWordsInFirst(words, 6);

        // yo, check, the, mic: "new", "words" and "later" come after the first six words.
        Assert.That(figure, Is.EqualTo(new VocabularyFigure(4, 6, true)));
    }

    [Test]
    public void An_artist_with_fewer_words_than_asked_gets_an_incomplete_figure()
    {
        var figure = Vocabulary.UniqueWordsInFirst(["a", "b", "a"]);

        Assert.That(figure, Is.EqualTo(new VocabularyFigure(2, 3, false)));
    }

    [Test]
    public void Words_that_differ_only_by_apostrophes_are_one_word()
    {
        var figure = Vocabulary.UniqueWordsInFirst(["pimpin'", "pimpin", "don't", "dont", "'cause", "cause", "y'all"]);

        Assert.That(figure, Is.EqualTo(new VocabularyFigure(4, 7, false)));
    }

    [Test]
    public void The_default_is_daniels_35000_words()
    {
        var words = Enumerable.Range(0, 50_000).Select(i => $"w{i % 40_000}");

        var figure = Vocabulary.UniqueWordsInFirst(words);

        Assert.That(figure, Is.EqualTo(new VocabularyFigure(35_000, 35_000, true)));
    }
}
