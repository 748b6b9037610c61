using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Digits as the words a rapper says.</summary>
public class NumberSpellerTests
{
    [TestCase("0", "zero")]
    [TestCase("7", "seven")]
    [TestCase("24", "twenty four")]
    [TestCase("50", "fifty")]
    [TestCase("100", "one hundred")]
    [TestCase("911", "nine hundred eleven")]
    [TestCase("12345", "twelve thousand three hundred forty five")]
    [TestCase("1000000", "one million")]
    public void A_number_is_its_cardinal(string digits, string words)
    {
        Assert.That(string.Join(' ', NumberSpeller.Words(digits)), Is.EqualTo(words));
    }

    [TestCase("1996", "nineteen ninety six")]
    [TestCase("1900", "nineteen hundred")]
    [TestCase("1905", "nineteen oh five")]
    [TestCase("2024", "twenty twenty four")]
    [TestCase("2005", "two thousand five")]
    [TestCase("3000", "three thousand")]
    public void A_four_digit_year_is_said_in_pairs_except_2000_to_2009(string digits, string words)
    {
        Assert.That(string.Join(' ', NumberSpeller.Words(digits)), Is.EqualTo(words));
    }

    [TestCase("007", "zero zero seven")]
    [TestCase("1234567890123", "one two three four five six seven eight nine zero one two three")]
    public void A_leading_zero_or_a_long_run_is_read_digit_by_digit(string digits, string words)
    {
        Assert.That(string.Join(' ', NumberSpeller.Words(digits)), Is.EqualTo(words));
    }

    [TestCase("")]
    [TestCase("12a")]
    public void Anything_but_digits_is_refused(string digits)
    {
        Assert.That(() => NumberSpeller.Words(digits), Throws.ArgumentException);
    }
}
