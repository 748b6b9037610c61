using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Search as the HTTP API and the gRPC service share it: text, semantic or both fused, filtered, one page of a stable
/// ranked list, each hit with the lines that matched. A side that cannot answer (no embedding) leaves the other's
/// answer with a note saying so.
/// </summary>
public sealed class TrackSearch(CatalogDbContext db, QueryEmbedder embedder, SemanticSide semanticSide, ICatalogReads reads, SearchCache cache,
    IOptions<SearchOptions> options, FrequentWords frequentWords)
{
    public const string DefaultModel = EmbeddingModels.UseLite;

    /// <summary>The deepest hit any page reaches.</summary>
    public int Deepest => options.Value.Candidates;

    /// <exception cref="UnknownModelException">The model is not one vectors are made with.</exception>
    public async Task<SearchAnswer> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        var took = Stopwatch.StartNew();
        var settings = options.Value;
        // The canonical request: what the answer depends on, the query as normalised for the cache.
        var key = JsonSerializer.Serialize(new { request = request with { Query = QueryText.Normalise(request.Query) }, settings });
        // An answer without a side that failed is not kept: the next search may have it whole.
        return (await cache.AnswerAsync(key, took, async () => await ComputeAsync(request, settings, took, cancellationToken),
            answer => answer.Notes.All(note => !note.StartsWith(SemanticLeftOut, StringComparison.Ordinal))))!;
    }

    private const string SemanticLeftOut = "Semantic matching was left out";

    private async Task<SearchAnswer> ComputeAsync(SearchRequest request, SearchOptions settings, Stopwatch took, CancellationToken cancellationToken)
    {
        var model = request.Model ?? DefaultModel;
        var notes = new List<string>();
        // One fixed depth for every page of a fused list (hybrid, and semantic with lines), so pages are slices of one list.
        var fusesLines = request.Mode == SearchMode.Semantic && LineSearch.Covers(model);
        var depth = request.Mode == SearchMode.Hybrid || fusesLines ? settings.Candidates : request.Offset + request.PageSize;

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var qualityScored = await QualityScoredAsync(connection, null, request.Filter, notes, cancellationToken);
            var frequent = await frequentWords.OfAsync(connection, cancellationToken);
            IReadOnlyList<RankedTrack> text;
            SemanticMatches matches;
            QueryEmbedding? embedding;
            if (request.Mode == SearchMode.Hybrid)
            {
                // The two sides at once, each on its own connection: the text ranking runs while the query is
                // embedded and its neighbours are found, so hybrid costs about its slower side, not both.
                var semantic = SemanticSideAsync(request, model, qualityScored, depth, cancellationToken);
                var textSide = TextSearch.RankAsync(connection, null, request.Query, frequent, request.Filter, qualityScored,
                    Math.Min(settings.HybridTextDepth, depth), settings.TextCandidates, cancellationToken);
                await Task.WhenAll(semantic, textSide);
                (embedding, matches) = await semantic;
                text = await textSide;
            }
            else if (request.Mode == SearchMode.Semantic)
            {
                (embedding, matches) = await SemanticSideAsync(request, model, qualityScored, depth, cancellationToken);
                // No vector to search with: the text side answers, and the note says why.
                text = embedding.Vector is null
                    ? await TextSearch.RankAsync(connection, null, request.Query, frequent, request.Filter, qualityScored, depth, settings.TextCandidates,
                        cancellationToken)
                    : [];
            }
            else
            {
                embedding = null;
                matches = SemanticMatches.None;
                text = await TextSearch.RankAsync(connection, null, request.Query, frequent, request.Filter, qualityScored, depth, settings.TextCandidates,
                    cancellationToken);
            }
            if (embedding?.Problem is { } problem)
            {
                notes.Add($"{SemanticLeftOut}: {problem}");
            }

            var fused = request.Mode == SearchMode.Hybrid ? matches.Rank(settings, text)
                : embedding?.Vector is null ? ReciprocalRankFusion.Single(text, ReciprocalRankFusion.Text)
                : matches.Rank(settings, null);
            var page = fused.Skip(request.Offset).Take(request.PageSize).ToList();
            var bestLines = matches.Lines.ToDictionary(line => line.TrackId, line => line.Text);
            var hits = await HitsAsync(connection, page, request.Query, model, embedding?.Vector, bestLines, cancellationToken);
            return new SearchAnswer(hits, request.Page, request.PageSize, request.Mode.ToString().ToLowerInvariant(), model,
                took.Elapsed.TotalMilliseconds, notes);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The query embedded and what the semantic side finds with it, on connections of its own so that it can run beside
    /// the text side.
    /// </summary>
    private async Task<(QueryEmbedding Embedding, SemanticMatches Matches)> SemanticSideAsync(SearchRequest request, string model, bool qualityScored,
        int depth, CancellationToken cancellationToken)
    {
        var embedding = await embedder.EmbedAsync(request.Query, model, cancellationToken);
        return embedding.Vector is { } vector
            ? (embedding, await semanticSide.FindAsync(reads, model, vector, request.Filter, qualityScored, depth, cancellationToken))
            : (embedding, SemanticMatches.None);
    }

    /// <summary>
    /// Whether minQuality can filter: with no quality score stored yet it would leave nothing, so it is ignored
    /// and the answer says so.
    /// </summary>
    public static async Task<bool> QualityScoredAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SearchFilters filters,
        List<string> notes, CancellationToken cancellationToken)
    {
        if (filters.MinQuality is null)
        {
            return false;
        }
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM catalog.quality_scores)", connection, transaction);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
        {
            return true;
        }
        notes.Add("minQuality was ignored: no track has a quality score yet.");
        return false;
    }

    /// <summary>
    /// The page's tracks with their lines: those holding query words for a hit text search found; for one found by
    /// meaning alone, its line nearest the query when the line side found it, else its most similar section's lines
    /// (the words' lines when its sections are not stored).
    /// </summary>
    private async Task<IReadOnlyList<SearchHit>> HitsAsync(NpgsqlConnection connection, IReadOnlyList<FusedTrack> page, string query, string model,
        float[]? vector, IReadOnlyDictionary<Guid, string> bestLines, CancellationToken cancellationToken)
    {
        var ids = page.Select(hit => hit.Id).ToList();
        var tracks = await db.Tracks.AsNoTracking().Where(t => ids.Contains(t.Id))
            .Select(t => new { Summary = new TrackSummary(t.Id, t.Title, t.Artist!.Name, t.Year), t.Lyrics })
            .ToDictionaryAsync(t => t.Summary.Id, cancellationToken);
        var byMeaning = page.Where(hit => !hit.FoundBy.Contains(ReciprocalRankFusion.Text) && !bestLines.ContainsKey(hit.Id)).Select(hit => hit.Id).ToList();
        var sections = vector is null
            ? new Dictionary<Guid, string>()
            : await MostSimilarSections.OfAsync(connection, model, vector, byMeaning, cancellationToken);
        // A track deleted between ranking and reading is left out rather than shown empty.
        return page.Where(hit => tracks.ContainsKey(hit.Id))
            .Select(hit => new SearchHit(tracks[hit.Id].Summary, hit.Score, hit.FoundBy, LinesOf(hit)))
            .ToList();

        IReadOnlyList<MatchedLine> LinesOf(FusedTrack hit) =>
            !hit.FoundBy.Contains(ReciprocalRankFusion.Text) && bestLines.TryGetValue(hit.Id, out var line) ? MatchedLines.InSection(line, query)
            : sections.TryGetValue(hit.Id, out var section) ? MatchedLines.InSection(section, query)
            : MatchedLines.Find(tracks[hit.Id].Lyrics, query);
    }
}
