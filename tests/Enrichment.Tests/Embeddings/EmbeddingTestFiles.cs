using RapAnalyzer.Enrichment.Embeddings;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>The repository's model files and node reference, and one encoder shared by the embedding tests.</summary>
static class EmbeddingTestFiles
{
    static readonly Lazy<UniversalSentenceEncoder> encoder = new(() => UniversalSentenceEncoder.Load(
        new UniversalSentenceEncoderOptions { ModelDirectory = ModelDirectory }));

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "RapAnalyzer.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException($"No RapAnalyzer.sln above {TestContext.CurrentContext.TestDirectory}.");
        }
    }

    /// <summary>models/use-lite/dist; the test fails (never skips) when eng/setup.sh has not installed it.</summary>
    public static string ModelDirectory
    {
        get
        {
            var directory = Path.Combine(RepositoryRoot, UseLiteModelFiles.RelativeDirectory);
            if (!File.Exists(Path.Combine(directory, UseLiteModelFiles.ModelJson)) || !File.Exists(Path.Combine(directory, UseLiteModelFiles.VocabularyJson)))
                Assert.Fail($"The embedding model is missing from {directory}: run eng/setup.sh.");
            return directory;
        }
    }

    public static string ReferenceDirectory => Path.Combine(RepositoryRoot, "tests", "Enrichment.Tests", "reference");

    public static UniversalSentenceEncoder Encoder => encoder.Value;
}
