using System.Diagnostics;
using System.Text.Json;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>
/// Runs tests/Enrichment.Tests/reference/reference.mjs (the TF.js tokenizer and graph model on the pure-JS CPU
/// backend) under node. A missing node or missing packages fail the test with what to run; nothing is skipped.
/// </summary>
static class NodeReference
{
    public sealed record Result(int[][] Tokens, float[][] Embeddings);

    static readonly Dictionary<string, Result> cache = [];

    public static Result Run(IReadOnlyList<string> sentences)
    {
        var input = JsonSerializer.Serialize(sentences);
        lock (cache)
        {
            if (cache.TryGetValue(input, out var cached)) return cached;
            var result = Execute(input, sentences.Count);
            cache[input] = result;
            return result;
        }
    }

    static Result Execute(string input, int count)
    {
        var directory = EmbeddingTestFiles.ReferenceDirectory;
        var script = Path.Combine(directory, "reference.mjs");
        if (!File.Exists(Path.Combine(directory, "node_modules", "@tensorflow-models", "universal-sentence-encoder", "package.json")) ||
            !File.Exists(Path.Combine(directory, "node_modules", "@tensorflow", "tfjs-backend-cpu", "package.json")))
            Assert.Fail($"The node parity reference is not installed in {directory}: run eng/embedding-reference.sh.");

        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["USE_LITE_DIR"] = EmbeddingTestFiles.ModelDirectory;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            Assert.Fail($"node could not be started ({e.Message}): install nodejs (>= 18) and run eng/embedding-reference.sh.");
            throw;
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The node reference did not finish within 3 minutes.");
            }
            if (process.ExitCode != 0)
                Assert.Fail($"The node reference failed (exit {process.ExitCode}): {stderr.Result}");
            using var json = JsonDocument.Parse(stdout.Result);
            var tokens = json.RootElement.GetProperty("tokens").Deserialize<int[][]>()!;
            var embeddings = json.RootElement.GetProperty("embeddings").Deserialize<float[][]>()!;
            Assert.That(embeddings, Has.Length.EqualTo(count), "the node reference returned a different number of embeddings");
            return new Result(tokens, embeddings);
        }
    }
}
