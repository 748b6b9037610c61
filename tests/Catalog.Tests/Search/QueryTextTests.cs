using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class QueryTextTests
{
    [Test]
    public void Words_split_as_postgres_simple_configuration_does()
    {
        Assert.That(QueryText.Words("Gettin' MONEY, don't stop!"), Is.EqualTo(new[] { "gettin", "money", "don", "t", "stop" }));
    }

    [Test]
    public void Any_word_leaves_out_common_words_and_makes_the_last_a_prefix()
    {
        Assert.That(QueryText.AnyWord("I was gettin money ballin on the blo"), Is.EqualTo("'gettin' | 'money' | 'ballin' | 'blo':*"));
    }

    [Test]
    public void A_short_last_word_is_matched_whole()
    {
        Assert.That(QueryText.AnyWord("money yo"), Is.EqualTo("'money' | 'yo'"));
    }

    [Test]
    public void A_query_of_common_words_still_searches_for_its_last()
    {
        Assert.That(QueryText.AnyWord("i got you"), Is.EqualTo("'you':*"));
    }

    [Test]
    public void A_query_without_words_searches_no_text()
    {
        Assert.That(QueryText.AnyWord("?! ..."), Is.Null);
    }

    [Test]
    public void Normalise_folds_case_width_and_spacing()
    {
        Assert.That(QueryText.Normalise("  Ｍoney \t\n  Talks "), Is.EqualTo("money talks"));
    }
}
