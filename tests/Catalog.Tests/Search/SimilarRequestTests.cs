using Grpc.Core;
using RapAnalyzer.Catalog.Apis;
using RapAnalyzer.Catalog.Grpc;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Protos.Catalog;

namespace RapAnalyzer.Catalog.Tests.Search;

public class SimilarRequestTests
{
    private static Dictionary<string, string[]> Problems(string? limit = null, string? yearFrom = null, string? yearTo = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = new SimilarParameters(limit, null, null, yearFrom, yearTo, null, null).ToRequest(Guid.NewGuid(), errors);
        foreach (var (field, problems) in request.Validate())
        {
            errors.TryAdd(field, problems);
        }
        return errors;
    }

    [TestCase("0")]
    [TestCase("101")]
    [TestCase("ten")]
    public void A_limit_out_of_range_is_a_problem_of_limit(string limit) => Assert.That(Problems(limit).Keys, Is.EqualTo(new[] { "limit" }));

    [Test]
    public void The_default_limit_is_ten_and_a_hundred_is_allowed()
    {
        var errors = new Dictionary<string, string[]>();
        Assert.That(new SimilarParameters(null, null, null, null, null, null, null).ToRequest(Guid.Empty, errors).Limit, Is.EqualTo(10));
        Assert.That(Problems("100"), Is.Empty);
    }

    [Test]
    public void An_inverted_year_range_is_a_problem_of_yearFrom() => Assert.That(Problems(yearFrom: "2010", yearTo: "2000").Keys, Is.EqualTo(new[] { "yearFrom" }));

    [Test]
    public void Grpc_reads_zero_and_empty_as_not_given()
    {
        var request = SearchReplies.Request(new SearchTracksRequest { Query = "money", Filter = new SearchFilter { Artist = "Nas", YearTo = 1999 } });

        Assert.That(request, Is.EqualTo(new SearchRequest("money", SearchMode.Hybrid, null, new SearchFilters("Nas", YearTo: 1999), 1, 10)));
    }

    [Test]
    public void Grpc_names_the_bad_field_first()
    {
        var error = Assert.Throws<RpcException>(() => SearchReplies.Request(new SearchTracksRequest { Query = "money", Mode = "fuzzy" }))!;
        var similar = Assert.Throws<RpcException>(() => SearchReplies.Request(new SimilarTracksRequest { TrackId = "nope" }))!;

        Assert.That((error.StatusCode, error.Status.Detail), Is.EqualTo((StatusCode.InvalidArgument, "mode: mode must be hybrid, semantic or text.")));
        Assert.That(similar.Status.Detail, Does.StartWith("track_id:"));
    }
}
