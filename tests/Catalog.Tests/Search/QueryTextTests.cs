using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class QueryTextTests
{
    private static readonly HashSet<string> NoFrequent = [];

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
    public void Tiers_go_from_all_uncommon_words_down_to_any_one()
    {
        var tiers = QueryText.Tiers("counting money all night lon", NoFrequent);
        Assert.That(tiers.Select(t => t.Held), Is.EqualTo(new[] { 4, 3, 2, 1 }));
        Assert.That(tiers[0].TsQuery, Is.EqualTo("('counting' & 'money' & 'night' & 'lon':*)"));
        Assert.That(tiers[1].TsQuery, Is.EqualTo(
            "('counting' & 'money' & 'night') | ('counting' & 'money' & 'lon':*) | ('counting' & 'night' & 'lon':*) | ('money' & 'night' & 'lon':*)"));
        Assert.That(tiers[^1].TsQuery, Is.EqualTo(QueryText.AnyWord("counting money all night lon")));
    }

    [Test]
    public void A_tier_holds_every_combination_of_its_size()
    {
        var tiers = QueryText.Tiers("one two three four five six", NoFrequent);
        // C(6, k) groups in the tier of k terms.
        Assert.That(tiers.Select(t => t.TsQuery.Split(" | ").Length), Is.EqualTo(new[] { 1, 6, 15, 20, 15, 6 }));
    }

    [Test]
    public void A_long_query_is_tiered_by_its_longest_words_in_their_order()
    {
        var tiers = QueryText.Tiers("aa bbbbbbbb cc dddddddd ee ffffffff gg hhhhhhhh ii jjjjjjjj kk llllllll mm nnnnnnnn oo pppppppp", NoFrequent);
        Assert.That(tiers, Has.Count.EqualTo(QueryText.MostTierTerms));
        Assert.That(tiers[0].TsQuery, Is.EqualTo(
            "('bbbbbbbb' & 'dddddddd' & 'ffffffff' & 'hhhhhhhh' & 'jjjjjjjj' & 'llllllll' & 'nnnnnnnn' & 'pppppppp':*)"));
    }

    [Test]
    public void The_catalogs_frequent_words_stay_out_of_the_tiers_and_in_the_ranking()
    {
        var tiers = QueryText.Tiers("counting money all night lon", new HashSet<string> { "money", "night" });

        Assert.That(tiers.Select(t => t.TsQuery), Is.EqualTo(new[] { "('counting' & 'lon':*)", "'counting' | 'lon':*" }));
        Assert.That(QueryText.AnyWord("counting money all night lon"), Is.EqualTo("'counting' | 'money' | 'night' | 'lon':*"));
    }

    [Test]
    public void A_query_of_frequent_words_only_is_tiered_by_them()
    {
        var tiers = QueryText.Tiers("money all night long", new HashSet<string> { "money", "night", "long" });

        Assert.That(tiers[0].TsQuery, Is.EqualTo("('money' & 'night' & 'long':*)"));
    }

    [Test]
    public void A_query_without_words_has_no_tier()
    {
        Assert.That(QueryText.Tiers("?! ...", NoFrequent), Is.Empty);
    }

    [Test]
    public void Normalise_folds_case_width_and_spacing()
    {
        Assert.That(QueryText.Normalise("  Ｍoney \t\n  Talks "), Is.EqualTo("money talks"));
    }
}
