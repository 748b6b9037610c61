using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.Testing.AppHost;
using RapAnalyzer.Testing.Fakes;

namespace RapAnalyzer.Bench;

/// <summary>
/// POST /analyze through the gateway of the whole system: the embedded analyzer on ~500-word songs, cold (each song
/// new) and cached (each again); the LLM path against the fake OpenAI-compatible server answering after a fixed
/// 500 ms, as the service's time over that delay; concurrent embedded analyses per second; and a batch of embedded
/// analyses through POST /batch, from the request to its completion.
/// </summary>
public static class AnalyzeBenchmark
{
    private static readonly TimeSpan LlmDelay = TimeSpan.FromMilliseconds(500);

    public static async Task<int> RunAsync(string[] args)
    {
        var songs = args.Length > 1 && args[0] == "--songs" ? int.Parse(args[1]) : 200;
        var runId = Guid.NewGuid().ToString("N")[..8];
        // Two synthetic tracks make one song of about 500 words; the run id keeps them new to the cache.
        string Song(int i) => $"{SyntheticLyrics.Track(i)}\n\n{SyntheticLyrics.Track(i + 1_000_000)}\n{runId}";
        Console.WriteLine($"analyze benchmark: {songs} songs of ~{Song(0).Split(' ', '\n').Length} words, {Environment.ProcessorCount} cores");

        await using var llm = await FakeOpenAiServer.StartAsync();
        llm.ChatAnswer = _ => FakeChatAnswer.Content(FakeOpenAiServer.ValidAnalysis, LlmDelay);
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"rapanalyzer-bench-{runId}");
        var run = await AppHostRun.StartAsync(dataDirectory, only: ["gateway"], externalSettings: new Dictionary<string, string>
        {
            ["Llm__Endpoint"] = llm.ApiUrl,
            ["Llm__ApiKey"] = FakeOpenAiServer.ApiKey,
            ["Llm__Model"] = FakeOpenAiServer.ChatModel,
        });
        try
        {
            using var gateway = run.CreateHttpClient("gateway", "http");
            gateway.Timeout = TimeSpan.FromMinutes(2);
            // Warm-up: the first requests load what each service loads lazily.
            for (var i = 0; i < 5; i++)
            {
                await AnalyzeAsync(gateway, $"warm-up {i} {Song(songs + 10 + i)}", "embedded");
            }

            var cold = new List<double>();
            for (var i = 0; i < songs; i++)
            {
                cold.Add(await AnalyzeAsync(gateway, Song(i), "embedded"));
            }
            var cached = new List<double>();
            for (var i = 0; i < songs; i++)
            {
                cached.Add(await AnalyzeAsync(gateway, Song(i), "embedded"));
            }
            // Within the default budget of 45 requests a minute.
            var overhead = new List<double>();
            for (var i = 0; i < 40; i++)
            {
                overhead.Add(await AnalyzeAsync(gateway, $"llm {Song(songs + 100 + i)}", "llm") - LlmDelay.TotalMilliseconds);
            }
            var throughput = await ThroughputAsync(gateway, songs, i => $"throughput {Song(songs + 1000 + i)}");
            var batchThroughput = await BatchThroughputAsync(gateway, songs, i => $"batch {Song(songs + 2000 + i)}");

            Console.WriteLine();
            Console.WriteLine($"{"measure (ms, through the gateway)",-48}{"p50",9}{"p95",9}{"p99",9}");
            Print("embedded, cold (target p95 <= 50)", cold);
            Print("embedded, cached (target p95 <= 5)", cached);
            Print("llm over the fake's 500 ms (target <= 10)", overhead);
            Console.WriteLine($"{"embedded, 4 concurrent clients",-48}{throughput,9:0.0} songs/s");
            Console.WriteLine($"{$"embedded, one POST /batch of {songs}",-48}{batchThroughput,9:0.0} songs/s");
            return 0;
        }
        finally
        {
            await run.StopAsync();
            await run.DisposeAsync();
            DataFolder.Wipe(dataDirectory);
        }
    }

    private static async Task<double> AnalyzeAsync(HttpClient gateway, string lyrics, string analyzer)
    {
        var clock = Stopwatch.StartNew();
        using var response = await gateway.PostAsJsonAsync("/analyze", new { lyrics, analyzer });
        await response.Content.ReadAsByteArrayAsync();
        clock.Stop();
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task<double> ThroughputAsync(HttpClient gateway, int songs, Func<int, string> song)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < songs; i = Interlocked.Increment(ref next))
            {
                await AnalyzeAsync(gateway, song(i), "embedded");
            }
        }));
        return songs / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Songs per second from posting the batch to reading it completed (polled every 100 ms).</summary>
    private static async Task<double> BatchThroughputAsync(HttpClient gateway, int songs, Func<int, string> song)
    {
        var clock = Stopwatch.StartNew();
        using var accepted = await gateway.PostAsJsonAsync("/batch",
            new { items = Enumerable.Range(0, songs).Select(i => new { lyrics = song(i) }), analyzer = "embedded" });
        accepted.EnsureSuccessStatusCode();
        var location = accepted.Headers.Location!;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(30);
        while (DateTime.UtcNow < deadline)
        {
            var report = await gateway.GetFromJsonAsync<BatchStatus>(location);
            if (report!.Status == "completed")
            {
                if (report.Failed > 0)
                {
                    throw new InvalidOperationException($"{report.Failed} of the batch's {songs} songs failed");
                }
                return songs / clock.Elapsed.TotalSeconds;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The batch did not complete within 30 minutes.");
    }

    private sealed record BatchStatus(string Status, int Done, int Failed);

    private static void Print(string measure, List<double> values)
    {
        var sorted = values.Order().ToArray();
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        Console.WriteLine($"{measure,-48}{Rank(0.5),9:0.0}{Rank(0.95),9:0.0}{Rank(0.99),9:0.0}");
    }
}
