using RapAnalyzer.Enrichment.Embeddings;

namespace RapAnalyzer.Bench;

public static class SearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var tracks = Option(args, "--tracks", 57_718);
        using var encoder = UniversalSentenceEncoder.Load();
        var real = VectorCache.Load(tracks, encoder);
        await Task.CompletedTask;
        return real.Length == tracks ? 0 : 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1].Replace("_", "").Replace(",", "")) : fallback;
    }
}
