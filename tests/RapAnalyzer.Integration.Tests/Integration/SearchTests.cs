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

    [TestCase(null, TestName = "Recall@10 of the line signs in memory against exact line search is at least 0.95, unfiltered")]
    [TestCase(1950, TestName = "Recall@10 of the line signs in memory against exact line search is at least 0.95 under a 1% filter")]
    public async Task Line_recall_at_10_against_exact_search(int? year)
    {
        var filters = new SearchFilters(YearFrom: year, YearTo: year);
        // No exact-scan shortcut: a filter is applied to the tracks the scan in memory finds.
        var lines = await _catalog.LinesAsync(exactScanBelow: 0);
        var recalls = new List<double>();
        foreach (var q in Enumerable.Range(0, Queries))
        {
            // Near a stored line's vector but not it, as a half-remembered line is near the line.
            var vector = SearchCatalog.LineVector(q * 97, q % 4).Zip(SearchCatalog.Vector(q % 40, 9_000_000 + q), (line, noise) => line + 0.3f * noise).ToArray();
            var (found, exact) = await InTransactionAsync(async (connection, transaction) =>
                (await lines.NearestAsync(connection, transaction, vector, filters, false, 10, CancellationToken.None),
                 await LineSearch.ExactAsync(connection, transaction, vector, filters, false, 10, CancellationToken.None)));
            Assert.That(exact, Has.Count.EqualTo(10));
            // Hamming distances tie often: a hit as near as exact search's tenth counts, whichever of the tied it is.
            recalls.Add(found.Count(line => line.Score >= exact[^1].Score) / 10.0);
        }
        TestContext.Out.WriteLine($"line recall@10 {(year is null ? "unfiltered" : "1% filter")}: mean {recalls.Average():F3}, min {recalls.Min():F1}");

        Assert.That(recalls.Average(), Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public async Task Every_stored_line_is_loaded_into_memory()
    {
        var (memory, refresh) = _catalog.LinesInMemory();

        await refresh.CatchUpAsync(CancellationToken.None);

        Assert.That((memory.Loaded, memory.Tracks, memory.Lines), Is.EqualTo((true, SearchCatalog.Tracks, SearchCatalog.Tracks * 4)));
    }

    [Test]
    public async Task Lines_stored_changed_and_removed_reach_the_memory_at_the_next_read()
    {
        var (memory, refresh) = _catalog.LinesInMemory();
        await refresh.CatchUpAsync(CancellationToken.None);
        var track = Guid.NewGuid();
        try
        {
            await using var connection = await _catalog.DataSource.OpenConnectionAsync();
            await InsertTrackAsync(connection, null, track, 3);
            await refresh.CatchUpAsync(CancellationToken.None);
            var stored = (memory.Tracks, memory.Lines, Nearest(memory, ExtraLineVector(1)));

            await using (var update = new NpgsqlCommand("""UPDATE catalog.line_signs SET "Signs" = $1 WHERE "TrackId" = $2 AND "Ordinal" = 0""", connection))
            {
                update.Parameters.AddWithValue(Catalog.Domain.LineSigns.Bits(LyricsLineSigns.Of(ExtraLineVector(7))));
                update.Parameters.AddWithValue(track);
                await update.ExecuteNonQueryAsync();
            }
            await refresh.CatchUpAsync(CancellationToken.None);
            var changed = Nearest(memory, ExtraLineVector(7));

            await DeleteTracksAsync(track);
            await refresh.CatchUpAsync(CancellationToken.None);

            Assert.Multiple(() =>
            {
                Assert.That(stored, Is.EqualTo((SearchCatalog.Tracks + 1, SearchCatalog.Tracks * 4 + 3, new NearestSign(track, 1, 0))));
                Assert.That(changed, Is.EqualTo(new NearestSign(track, 0, 0)));
                Assert.That((memory.Tracks, memory.Lines), Is.EqualTo((SearchCatalog.Tracks, SearchCatalog.Tracks * 4)));
                Assert.That(Nearest(memory, ExtraLineVector(7)).TrackId, Is.Not.EqualTo(track));
            });
        }
        finally
        {
            await DeleteTracksAsync(track);
        }
    }

    [Test]
    public async Task Lines_a_transaction_commits_after_a_later_one_are_not_missed()
    {
        var (memory, refresh) = _catalog.LinesInMemory();
        await refresh.CatchUpAsync(CancellationToken.None);
        var (early, late) = (Guid.NewGuid(), Guid.NewGuid());
        try
        {
            await using var first = await _catalog.DataSource.OpenConnectionAsync();
            await using var transaction = await first.BeginTransactionAsync();
            // The earlier transaction's id is the smaller: it writes before the later one begins.
            await InsertTrackAsync(first, transaction, early, 2);
            await using (var second = await _catalog.DataSource.OpenConnectionAsync())
            {
                await InsertTrackAsync(second, null, late, 2);
            }
            await refresh.CatchUpAsync(CancellationToken.None);
            var beforeCommit = memory.Tracks;
            await transaction.CommitAsync();
            await refresh.CatchUpAsync(CancellationToken.None);

            Assert.That((beforeCommit, memory.Tracks), Is.EqualTo((SearchCatalog.Tracks + 1, SearchCatalog.Tracks + 2)));
            Assert.That(Nearest(memory, ExtraLineVector(0)).TrackId, Is.AnyOf(early, late), "both tracks' lines are the same");
        }
        finally
        {
            await DeleteTracksAsync(early, late);
        }
    }

    private static float[] ExtraLineVector(int line) => SearchCatalog.Vector(line, 8_000_000 + line);

    private static NearestSign Nearest(LineSignsInMemory memory, float[] vector)
    {
        using var scan = memory.Scan(LineSignsInMemory.WordsOf(Catalog.Domain.LineSigns.Bits(LyricsLineSigns.Of(vector))));
        return scan.Nearest(1)[0];
    }

    /// <summary>A track of the first artist with <paramref name="lines"/> lines, line i with the signs of <see cref="ExtraLineVector"/>(i).</summary>
    private static async Task InsertTrackAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid track, int lines)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO catalog.tracks ("Id", "ArtistId", "Title", "Lyrics", "Source", "SourceId", "ContentHash", "Year", "Language", "StoredAt")
            VALUES ($1, $2, 'Extra', 'extra lyrics', 'search-test', $1::text, $1::text, 2001, 'en', now())
            """);
        insert.Parameters.AddWithValue(track);
        insert.Parameters.AddWithValue(SearchCatalog.ArtistId(0));
        batch.BatchCommands.Add(insert);
        for (var line = 0; line < lines; line++)
        {
            var sign = new NpgsqlBatchCommand("""
                INSERT INTO catalog.line_signs ("TrackId", "ModelId", "Ordinal", "Text", "Signs") VALUES ($1, 'use-lite-en@0.2.0', $2, 'an extra line', $3)
                """);
            sign.Parameters.AddWithValue(track);
            sign.Parameters.AddWithValue(line);
            sign.Parameters.AddWithValue(Catalog.Domain.LineSigns.Bits(LyricsLineSigns.Of(ExtraLineVector(line))));
            batch.BatchCommands.Add(sign);
        }
        await batch.ExecuteNonQueryAsync();
    }

    private async Task DeleteTracksAsync(params Guid[] tracks)
    {
        await using var delete = _catalog.DataSource.CreateCommand("""DELETE FROM catalog.tracks WHERE "Id" = ANY($1)""");
        delete.Parameters.AddWithValue(tracks);
        await delete.ExecuteNonQueryAsync();
    }

    [Test]
    public async Task A_selective_filter_scans_lines_exactly()
    {
        var filters = new SearchFilters(Artist: "SEARCH-artist 3", YearFrom: 1920, YearTo: 1979, Language: "FR");
        var vector = SearchCatalog.LineVector(203, 1);
        var lines = await _catalog.LinesAsync();
        var (found, exact) = await InTransactionAsync(async (connection, transaction) =>
            (await lines.NearestAsync(connection, transaction, vector, filters, false, 30, CancellationToken.None),
             await LineSearch.ExactAsync(connection, transaction, vector, filters, false, 30, CancellationToken.None)));

        Assert.That(found, Is.EqualTo(exact));
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

    private async Task<long> IndexScansAsync()
    {
        await using var command = _catalog.DataSource.CreateCommand(
            "SELECT coalesce(sum(idx_scan), 0)::bigint FROM pg_stat_user_indexes WHERE indexrelname = 'IX_track_embeddings_use_lite_hnsw'");
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
