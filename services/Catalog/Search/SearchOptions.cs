using System.ComponentModel.DataAnnotations;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Search;

/// <summary>Settings of search, bound from the <c>Search</c> configuration section.</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>Reciprocal rank fusion's k: 60 as Cormack et al. (2009) found best.</summary>
    [Range(1, 1_000)]
    public int RrfK { get; set; } = 60;

    /// <summary>
    /// The weights of the three ranked lists fused: text 2, the pooled vectors 0.125, the lines 1. Swept on the half-
    /// remembered lines of the search benchmark at 57,718 tracks (README, "Semantic reads at once and the fusion's
    /// weights"; text : pooled : lines, MRR@10 hybrid / semantic over 157 / 167 queries): 1.5 : 0.5 : 2, shipped before,
    /// 0.707 / 0.537; 1 : 0.125 : 1 0.738 / 0.592; 2 : 0.25 : 1 0.741 / 0.537. On the search tests' 48 lines (text
    /// alone 0.976) these weights give semantic 0.979 and hybrid 0.990 (0.948 / 0.979 before), the paraphrase of a
    /// theme still ranking its track first. The pooled vectors weigh least: they rank a one-line query's track far down.
    /// </summary>
    [Range(0.0, 10.0)]
    public double TextWeight { get; set; } = 2.0;

    /// <summary>The weight of the semantic side's tracks ranked by their pooled vector.</summary>
    [Range(0.0, 10.0)]
    public double SemanticWeight { get; set; } = 0.125;

    /// <summary>The weight of the semantic side's tracks ranked by their line nearest the query (<see cref="LineSearch"/>).</summary>
    [Range(0.0, 10.0)]
    public double LineWeight { get; set; } = 1.0;

    /// <summary>
    /// Candidates each side of hybrid search fetches, the same for every page so that each page is a slice of one
    /// fused list; it is also the deepest hit any page reaches.
    /// </summary>
    [Range(10, 1_000)]
    public int Candidates { get; set; } = 300;

    /// <summary>
    /// Tracks the line side ranks for a fused list (hybrid, and semantic with lines; at most <see cref="Candidates"/>),
    /// each by its best line: a track far down the line list adds little to the fusion (1/(k + rank)). Measured at
    /// 57,718 tracks with the shipped weights (README, search benchmark), hybrid MRR@10 on half-remembered lines at
    /// 300 / 100 tracks: 0.739 / 0.741.
    /// </summary>
    [Range(10, 1_000)]
    public int LineCandidates { get; set; } = 100;

    /// <summary>
    /// Tracks the pooled vectors rank when the lines are fused beside them (semantic and hybrid under USE-Lite; at most
    /// <see cref="Candidates"/>): their weight is the least, and ranking deeper is what the HNSW scan's time grows
    /// with. A model without lines ranks <see cref="Candidates"/> by its pooled vectors. Measured at 57,718 tracks
    /// (README, "Line signs in memory"), direct, lines 100 beside pooled 300 / 100 / 50: semantic p50 / p95 16.4 / 24.0,
    /// 9.3 / 16.8, 8.0 / 14.3 ms, MRR@10 on half-remembered lines 0.615 / 0.627 / 0.633, hybrid's 0.752 / 0.752 / 0.753.
    /// </summary>
    [Range(10, 1_000)]
    public int PooledCandidates { get; set; } = 100;

    /// <summary>
    /// How deep hybrid search's text side ranks (at most <see cref="Candidates"/>), the same for every page. Text ranks
    /// far down hold one or two of the query's words, and reciprocal rank fusion gives them little (1/(k + rank)); it
    /// is ranking them, through the loosest tiers, that makes the text side slow.
    /// </summary>
    [Range(10, 1_000)]
    public int HybridTextDepth { get; set; } = 100;

    /// <summary>
    /// Tracks one tier of text search ranks at most (<see cref="TextSearch"/>), at least a page's depth: the bound on
    /// a query of frequent words, whose every track would otherwise be read and ranked.
    /// </summary>
    [Range(10, 100_000)]
    public int TextCandidates { get; set; } = 1_000;

    /// <summary>
    /// The share of tracks above which a word is too frequent to widen text search's candidate tiers
    /// (<see cref="FrequentWords"/>); 1 leaves every word in them.
    /// </summary>
    [Range(0.001, 1.0)]
    public double FrequentWordShare { get; set; } = 0.2;

    /// <summary>HNSW's candidate list per query (hnsw.ef_search), chosen by the benchmark's recall measurement.</summary>
    [Range(10, 1_000)]
    public int EfSearch { get; set; } = 100;

    /// <summary>
    /// How often the line signs in memory (<see cref="LineSignsInMemory"/>) read the tracks whose lines another
    /// replica changed; this replica's own changes are read as soon as they are committed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan LineRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Tracks matching a filter at or below which semantic search scans them exactly instead of walking the index:
    /// then exact is cheaper than an iterative index scan that visits many tracks the filter discards.
    /// </summary>
    [Range(0, 1_000_000)]
    public int ExactScanBelow { get; set; } = 5_000;

    /// <summary>Tuples an iterative index scan may visit before it stops (hnsw.max_scan_tuples).</summary>
    [Range(1_000, 10_000_000)]
    public int MaxScanTuples { get; set; } = 100_000;

    /// <summary>
    /// <c>maintenance_work_mem</c> of a rebuild of the search indexes (<see cref="SearchIndexRebuild"/>): an HNSW graph
    /// that fits in it builds several times faster. A Postgres memory size such as <c>512MB</c> or <c>2GB</c>.
    /// </summary>
    [RegularExpression(PostgresMemorySize.Pattern, ErrorMessage = "Search:IndexBuildMemory must be a Postgres memory size such as 512MB or 2GB.")]
    public string IndexBuildMemory { get; set; } = "1GB";

    /// <summary>How long an answer is served from the cache; a stored or changed track ends it sooner.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan AnswerLifetime { get; set; } = TimeSpan.FromSeconds(60);
}
