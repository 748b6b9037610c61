using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.Testing.AppHost;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Bench;

/// <summary>
/// Tracks per second from import to stored + enriched + embedded, through the real scraper, RabbitMQ, catalog,
/// enrichment and Postgres; then the embedding model alone on the same lyrics, so the pipeline's overhead shows
/// as the ratio of the two (the target: at least 70%).
/// </summary>
public static class IngestBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--tracks");
        var tracks = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : 10_000;
        var runId = Guid.NewGuid().ToString("N")[..8];
        var lyrics = Enumerable.Range(0, tracks).Select(SyntheticLyrics.Track).ToList();
        Console.WriteLine($"ingest benchmark: {tracks} tracks, ~{lyrics.Average(l => l.Split(' ', '\n').Length):0} words each, {Environment.ProcessorCount} cores");

        if (args.Contains("--embedding-only"))
        {
            Console.WriteLine($"{"embedding model alone",-44}{MeasureEmbeddingOnly(lyrics),12:0.0} tracks/s");
            return 0;
        }
        var pipeline = await MeasurePipelineAsync(runId, lyrics);
        var embeddingOnly = MeasureEmbeddingOnly(lyrics);

        Console.WriteLine();
        Console.WriteLine($"{"measure",-44}{"tracks/s",12}");
        Console.WriteLine($"{"pipeline: import -> stored+enriched+embedded",-44}{pipeline,12:0.0}");
        Console.WriteLine($"{"embedding model alone (same lyrics)",-44}{embeddingOnly,12:0.0}");
        var ratio = pipeline / embeddingOnly;
        Console.WriteLine($"{"pipeline / embedding-only",-44}{ratio,12:P0}   (target >= 70%: {(ratio >= 0.7 ? "met" : "NOT met")})");
        return 0;
    }

    private static async Task<double> MeasurePipelineAsync(string runId, IReadOnlyList<string> lyrics)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"rapanalyzer-bench-{runId}");
        var startup = Stopwatch.StartNew();
        var run = await AppHostRun.StartAsync(dataDirectory, only: ["scraper", "catalog", "enrichment"]);
        try
        {
            Console.WriteLine($"system up in {startup.Elapsed.TotalSeconds:0.0} s; importing");
            var csv = DatasetCsv(runId, lyrics);
            using var http = run.CreateHttpClient("scraper", "http");
            http.Timeout = TimeSpan.FromMinutes(5);
            var database = new NpgsqlConnectionStringBuilder(await run.GetConnectionStringAsync("catalogdb"));

            var clock = Stopwatch.StartNew();
            using var content = new StringContent(csv, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await http.PostAsync("/import", content);
            response.EnsureSuccessStatusCode();

            long done = 0;
            var lastReport = TimeSpan.Zero;
            while (done < lyrics.Count)
            {
                await Task.Delay(500);
                done = await CountCompleteAsync(database.ConnectionString, runId);
                if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(10))
                {
                    lastReport = clock.Elapsed;
                    Console.WriteLine($"  {clock.Elapsed.TotalSeconds,5:0} s: {done} of {lyrics.Count} complete");
                }
                if (clock.Elapsed > TimeSpan.FromMinutes(30))
                {
                    throw new TimeoutException($"only {done} of {lyrics.Count} tracks were complete after 30 minutes");
                }
            }
            clock.Stop();
            Console.WriteLine($"pipeline: {lyrics.Count} tracks in {clock.Elapsed.TotalSeconds:0.0} s");
            return lyrics.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            await run.StopAsync();
            await run.DisposeAsync();
            DataFolder.Wipe(dataDirectory);
        }
    }

    private static double MeasureEmbeddingOnly(IReadOnlyList<string> lyrics)
    {
        // As enrichment embeds a batch: the tracks' sections, then their distinct lines.
        using var encoder = UniversalSentenceEncoder.Load();
        var tracks = TimeSpan.Zero;
        var lines = TimeSpan.Zero;
        foreach (var batch in lyrics.Chunk(32))
        {
            var parsed = batch.Select(Lyrics.Parse).ToList();
            var started = Stopwatch.GetTimestamp();
            encoder.EmbedTracks(parsed);
            tracks += Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            encoder.EmbedLines(parsed);
            lines += Stopwatch.GetElapsedTime(started);
        }
        var total = tracks + lines;
        Console.WriteLine($"embedding only: {lyrics.Count} tracks in {total.TotalSeconds:0.0} s (sections {tracks.TotalSeconds:0.0} s, lines {lines.TotalSeconds:0.0} s)");
        return lyrics.Count / total.TotalSeconds;
    }

    private static string DatasetCsv(string runId, IReadOnlyList<string> lyrics)
    {
        var csv = new StringBuilder("title,tag,artist,year,views,features,lyrics,id,language\n");
        for (var i = 0; i < lyrics.Count; i++)
        {
            csv.Append($"\"Track {i}\",rap,\"Bench {runId} Artist {i % 50}\",{1990 + i % 35},{i},{{}},\"")
                .Append(lyrics[i].Replace("\"", "\"\"")).Append($"\",bench-{runId}-{i},en\n");
        }
        return csv.ToString();
    }

    /// <summary>Tracks of this run that are stored with their features and a USE-Lite embedding.</summary>
    private static async Task<long> CountCompleteAsync(string connectionString, string runId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FROM catalog.tracks t
            JOIN catalog.text_features f ON f."TrackId" = t."Id"
            JOIN catalog.track_embeddings e ON e."TrackId" = t."Id" AND e."ModelId" = $2
            WHERE t."SourceId" LIKE $1
            """, connection);
        command.Parameters.AddWithValue($"bench-{runId}-%");
        command.Parameters.AddWithValue(EmbeddingModels.UseLite);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
