using Npgsql;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Integration.Tests;

/// <summary>Search's SQL on real Postgres + pgvector over a fixed data set (<see cref="SearchCatalog"/>).</summary>
[TestFixture]
public sealed class SearchTests
{
    private const int Queries = 40;
    private SearchCatalog _catalog = null!;

    [OneTimeSetUp]
    public async Task LoadAsync() => _catalog = await SearchCatalog.CreateAsync();

    [OneTimeTearDown]
    public async Task DropAsync() => await _catalog.DisposeAsync();

    // Query vectors from the data's own clusters but never stored, so none finds itself at distance 0.
    private static IEnumerable<float[]> QueryVectors() =>
        Enumerable.Range(0, Queries).Select(q => SearchCatalog.Vector(q % 40, 5_000_000 + q));

    [TestCase(null, TestName = "Recall@10 of the HNSW index against exact search is at least 0.95, unfiltered")]
    [TestCase(1950, TestName = "Recall@10 of the HNSW index against exact search is at least 0.95 under a 1% filter")]
    public async Task Recall_at_10_against_exact_search(int? year)
    {
        var filters = new SearchFilters(YearFrom: year, YearTo: year);
        // No exact-scan shortcut: the index path itself is measured.
        var index = SearchCatalog.Semantic(exactScanBelow: 0);
        var scansBefore = await IndexScansAsync();
        var recalls = new List<double>();
        foreach (var vector in QueryVectors())
        {
            var (approximate, exact) = await InTransactionAsync(async (connection, transaction) =>
                (await index.NearestAsync(connection, transaction, EmbeddingModels.UseLite, vector, filters, false, null, 10, CancellationToken.None),
                 await SemanticSearch.ExactAsync(connection, transaction, EmbeddingModels.UseLite, vector, filters, false, 10, CancellationToken.None)));
            Assert.That(exact, Has.Count.EqualTo(10));
            recalls.Add(approximate.Select(t => t.Id).Intersect(exact.Select(t => t.Id)).Count() / 10.0);
        }
        TestContext.Out.WriteLine($"recall@10 {(year is null ? "unfiltered" : "1% filter")}: mean {recalls.Average():F3}, min {recalls.Min():F1}");

        Assert.That(recalls.Average(), Is.GreaterThanOrEqualTo(0.95));
        await Eventually.GetAsync(IndexScansAsync, scans => scans >= scansBefore + Queries, TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task Filtered_hits_equal_exact_search_under_the_same_filter()
    {
        var filters = new SearchFilters(Artist: "SEARCH-artist 3", YearFrom: 1920, YearTo: 1979, Language: "FR");
        var vector = QueryVectors().First();
        var (pages, exact) = await InTransactionAsync(async (connection, transaction) =>
            (await SearchCatalog.Semantic().NearestAsync(connection, transaction, EmbeddingModels.UseLite, vector, filters, false, null, 30, CancellationToken.None),
             await SemanticSearch.ExactAsync(connection, transaction, EmbeddingModels.UseLite, vector, filters, false, 30, CancellationToken.None)));

        Assert.That(pages.Select(t => t.Id), Is.EqualTo(exact.Select(t => t.Id)));
        Assert.That(exact, Has.Count.EqualTo(30));
        Assert.That(exact.Select(t => int.Parse(t.Id.ToString()[^12..])),
            Has.All.Matches<int>(t => t % SearchCatalog.Artists == 3 && t % 2 == 1 && SearchCatalog.YearOf(t) is >= 1920 and <= 1979));
    }

    [Test]
    public async Task A_ten_percent_filter_still_fills_the_page_through_the_index()
    {
        var filters = new SearchFilters(Artist: SearchCatalog.ArtistName(7));
        var nearest = await InTransactionAsync((connection, transaction) =>
            SearchCatalog.Semantic(exactScanBelow: 0).NearestAsync(connection, transaction, EmbeddingModels.UseLite, QueryVectors().Last(), filters,
                false, null, 100, CancellationToken.None));

        Assert.That(nearest, Has.Count.EqualTo(100));
    }

    [Test]
    public async Task A_lines_signs_are_the_bits_pgvector_quantizes_its_vector_to()
    {
        var vector = SearchCatalog.LineVector(17, 2);
        var quantized = await InTransactionAsync(async (connection, transaction) =>
        {
            await using var command = new NpgsqlCommand("SELECT binary_quantize($1::vector)::text", connection, transaction);
            command.Parameters.AddWithValue(new Pgvector.Vector(vector));
            return (string)(await command.ExecuteScalarAsync())!;
        });
        var signs = Catalog.Domain.LineSigns.Bits(LyricsLineSigns.Of(vector));

        Assert.That(string.Concat(Enumerable.Range(0, signs.Length).Select(i => signs[i] ? '1' : '0')), Is.EqualTo(quantized));
    }

    [TestCase(null, TestName = "Recall@10 of the line index against exact line search is at least 0.95, unfiltered")]
    [TestCase(1950, TestName = "Recall@10 of the line index against exact line search is at least 0.95 under a 1% filter")]
    public async Task Line_recall_at_10_against_exact_search(int? year)
    {
        var filters = new SearchFilters(YearFrom: year, YearTo: year);
        var index = SearchCatalog.Lines(exactScanBelow: 0);
        var scansBefore = await IndexScansAsync("IX_line_signs_use_lite_hnsw");
        var recalls = new List<double>();
        foreach (var q in Enumerable.Range(0, Queries))
        {
            // Near a stored line's vector but not it, as a half-remembered line is near the line.
            var vector = SearchCatalog.LineVector(q * 97, q % 4).Zip(SearchCatalog.Vector(q % 40, 9_000_000 + q), (line, noise) => line + 0.3f * noise).ToArray();
            var (approximate, exact) = await InTransactionAsync(async (connection, transaction) =>
                (await index.NearestAsync(connection, transaction, vector, filters, false, 10, CancellationToken.None),
                 await LineSearch.ExactAsync(connection, transaction, vector, filters, false, 10, CancellationToken.None)));
            Assert.That(exact, Has.Count.EqualTo(10));
            // Hamming distances tie often: a hit as near as exact search's tenth counts, whichever of the tied it is.
            recalls.Add(approximate.Count(line => line.Score >= exact[^1].Score) / 10.0);
        }
        TestContext.Out.WriteLine($"line recall@10 {(year is null ? "unfiltered" : "1% filter")}: mean {recalls.Average():F3}, min {recalls.Min():F1}");

        Assert.That(recalls.Average(), Is.GreaterThanOrEqualTo(0.95));
        await Eventually.GetAsync(() => IndexScansAsync("IX_line_signs_use_lite_hnsw"), scans => scans >= scansBefore + Queries, TimeSpan.FromSeconds(10));
    }

    [Test]
    public async Task A_selective_filter_scans_lines_exactly()
    {
        var filters = new SearchFilters(Artist: "SEARCH-artist 3", YearFrom: 1920, YearTo: 1979, Language: "FR");
        var vector = SearchCatalog.LineVector(203, 1);
        var (lines, exact) = await InTransactionAsync(async (connection, transaction) =>
            (await SearchCatalog.Lines().NearestAsync(connection, transaction, vector, filters, false, 30, CancellationToken.None),
             await LineSearch.ExactAsync(connection, transaction, vector, filters, false, 30, CancellationToken.None)));

        Assert.That(lines, Is.EqualTo(exact));
        Assert.That(exact, Has.Count.EqualTo(30));
        Assert.That(exact[0], Is.EqualTo(new NearestLine(SearchCatalog.TrackId(203), SearchCatalog.Line(203, 1), 1.0)), "the line itself, all its signs agreeing");
    }

    [Test]
    public async Task Similar_tracks_are_near_the_track_and_never_the_track_itself()
    {
        await using var db = _catalog.Context();
        var similar = SearchCatalog.Similar(db);
        var source = SearchCatalog.TrackId(123);

        var answer = await similar.FindAsync(new SimilarRequest(source, 20), CancellationToken.None);
        var filtered = await similar.FindAsync(new SimilarRequest(source, 5, Filters: new SearchFilters(Artist: SearchCatalog.ArtistName(3))), CancellationToken.None);
        var missing = await similar.FindAsync(new SimilarRequest(Guid.NewGuid()), CancellationToken.None);

        Assert.That(answer!.Items, Has.Count.EqualTo(20));
        Assert.That(answer.Items.Select(h => h.Track.Id), Does.Not.Contain(source));
        // Vectors of one cluster are nearer each other than any other's: track 123 is in cluster 3.
        Assert.That(answer.Items.Select(h => int.Parse(h.Track.Id.ToString()[^12..]) % 40), Has.All.EqualTo(3));
        Assert.That(filtered!.Items.Select(h => h.Track.Artist), Has.All.EqualTo(SearchCatalog.ArtistName(3)));
        Assert.That(missing, Is.Null);
    }

    [Test]
    public async Task A_half_remembered_line_finds_its_track_first_by_text()
    {
        // Line 2 of track 4321 with a word forgotten, two swapped and the last typed halfway.
        var words = SearchCatalog.Line(4321, 2).Split(' ');
        var query = $"{words[1]} {words[0]} {words[3]} {words[4]} {words[5][..3]}";
        var frequent = await FrequentWordsAsync();
        var ranked = await InTransactionAsync((connection, transaction) =>
            TextSearch.RankAsync(connection, transaction, query, frequent, new SearchFilters(), false, 10, 1_000, CancellationToken.None));
        var filtered = await InTransactionAsync((connection, transaction) =>
            TextSearch.RankAsync(connection, transaction, query, frequent, new SearchFilters(Artist: SearchCatalog.ArtistName(2)), false, 10, 1_000,
                CancellationToken.None));

        Assert.That(ranked[0].Id, Is.EqualTo(SearchCatalog.TrackId(4321)), query);
        Assert.That(filtered.Select(t => t.Id), Does.Not.Contain(SearchCatalog.TrackId(4321)));
    }

    [Test]
    public async Task The_artist_name_is_searchable_text()
    {
        // "song", "search" and "artist" are in every track: only 42 and 2 narrow the candidates; all five rank them.
        var frequent = await FrequentWordsAsync();
        var ranked = await InTransactionAsync((connection, transaction) =>
            TextSearch.RankAsync(connection, transaction, "song 42 search artist 2", frequent, new SearchFilters(), false, 5, 1_000, CancellationToken.None));
        var unnarrowed = await InTransactionAsync((connection, transaction) =>
            TextSearch.RankAsync(connection, transaction, "song 42 search artist 2", new HashSet<string>(), new SearchFilters(), false, 5, 1_000,
                CancellationToken.None));

        Assert.That(ranked[0].Id, Is.EqualTo(SearchCatalog.TrackId(42)));
        Assert.That(unnarrowed[0].Id, Is.EqualTo(SearchCatalog.TrackId(42)));
    }

    [Test]
    public async Task Frequent_words_are_those_of_most_tracks_by_the_catalogs_statistics()
    {
        var frequent = await FrequentWordsAsync();
        var lyricWord = SearchCatalog.Line(4321, 2).Split(' ')[0];

        // Every title holds "song" and every artist "search artist"; a made-up lyric word is in about 1% of the tracks.
        Assert.That(frequent, Is.SupersetOf(new[] { "song", "search", "artist" }));
        Assert.That(frequent, Does.Not.Contain(lyricWord));
        Assert.That(await FrequentWordsAsync(share: 1.0), Is.Empty);
    }

    private async Task<IReadOnlySet<string>> FrequentWordsAsync(double share = 0.2)
    {
        await using var connection = await _catalog.DataSource.OpenConnectionAsync();
        return await FrequentWords.ReadAsync(connection, share, CancellationToken.None);
    }

    private Task<long> IndexScansAsync() => IndexScansAsync("IX_track_embeddings_use_lite_hnsw");

    private async Task<long> IndexScansAsync(string index)
    {
        await using var command = _catalog.DataSource.CreateCommand(
            "SELECT coalesce(sum(idx_scan), 0)::bigint FROM pg_stat_user_indexes WHERE indexrelname = $1");
        command.Parameters.AddWithValue(index);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> run)
    {
        await using var connection = await _catalog.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await run(connection, transaction);
        await transaction.CommitAsync();
        return result;
    }
}
