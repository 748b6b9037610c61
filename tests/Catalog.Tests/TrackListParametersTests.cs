using RapAnalyzer.Catalog.Apis;
using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>GET /tracks's parameters as sent: an empty one is not given, one that is not a number is named.</summary>
public class TrackListParametersTests
{
    [Test]
    public void Empty_parameters_as_the_READMEs_template_leaves_them_are_the_defaults_without_filters()
    {
        var errors = new Dictionary<string, string[]>();

        var query = new TrackListParameters(Page: "", PageSize: "", Artist: "", YearFrom: "", YearTo: " ").ToQuery(errors);

        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(query, Is.EqualTo(new TrackListQuery()));
        });
    }

    [Test]
    public void Given_parameters_are_read_as_numbers()
    {
        var errors = new Dictionary<string, string[]>();

        var query = new TrackListParameters("3", "50", "Nas", "1994", "2001").ToQuery(errors);

        Assert.That(query, Is.EqualTo(new TrackListQuery(3, 50, "Nas", 1994, 2001)));
    }

    [TestCase("abc")]
    [TestCase("1.5")]
    [TestCase("99999999999")]
    public void A_parameter_that_is_not_a_whole_number_is_named(string value)
    {
        var errors = new Dictionary<string, string[]>();

        new TrackListParameters(Page: value, PageSize: null, Artist: null, YearFrom: value, YearTo: null).ToQuery(errors);

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "page", "yearFrom" }));
    }
}
