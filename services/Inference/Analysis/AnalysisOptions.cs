using Microsoft.Extensions.Options;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>Settings of the analysis, bound from the <c>Analysis</c> configuration section.</summary>
public sealed class AnalysisOptions
{
    public const string SectionName = "Analysis";

    /// <summary>As enrichment's /features accepts.</summary>
    public int MaxLyricsLength { get; set; } = 100_000;

    /// <summary>How long an analysis is kept in the Redis cache.</summary>
    public double CacheTtlHours { get; set; } = 24;

    /// <summary>vader_lexicon.txt of the npm package vader-sentiment@1.1.3 (eng/setup.sh installs it into models/vader/).</summary>
    public string VaderLexiconPath { get; set; } = ModelFile("vader", "vader_lexicon.txt");

    /// <summary>
    /// Unicode's emoji-test.txt, the names VADER translates emoji into: Debian's unicode-data package (eng/setup.sh
    /// installs it and copies the file into models/unicode/).
    /// </summary>
    public string EmojiNamesPath { get; set; } = ModelFile("unicode", "emoji-test.txt");

    /// <summary>lib/array.js of the npm package badwords-list@1.0.0 (eng/setup.sh installs it into models/badwords/).</summary>
    public string ExplicitWordsPath { get; set; } = ModelFile("badwords", "lib", "array.js");

    /// <summary>
    /// <c>models/...</c> of the repository this build runs from: the nearest folder above the binaries that holds
    /// RapAnalyzer.sln; next to the binaries when there is none (a published image).
    /// </summary>
    public static string ModelFile(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RapAnalyzer.sln")))
            {
                return Path.Combine([folder.FullName, "models", .. parts]);
            }
        }
        return Path.Combine([AppContext.BaseDirectory, "models", .. parts]);
    }

    public sealed class Validation : IValidateOptions<AnalysisOptions>
    {
        public ValidateOptionsResult Validate(string? name, AnalysisOptions options) => new SettingFailures(SectionName)
            .Range(nameof(MaxLyricsLength), options.MaxLyricsLength, 1, 1_000_000)
            .Range(nameof(CacheTtlHours), options.CacheTtlHours, 0.001, 24 * 365)
            .File(nameof(VaderLexiconPath), options.VaderLexiconPath, "vader-sentiment@1.1.3 into models/vader/")
            .File(nameof(EmojiNamesPath), options.EmojiNamesPath, "Debian's unicode-data and copies its emoji-test.txt into models/unicode/")
            .File(nameof(ExplicitWordsPath), options.ExplicitWordsPath, "badwords-list@1.0.0 into models/badwords/")
            .Result;
    }
}

internal static class ModelFileChecks
{
    public static SettingFailures File(this SettingFailures failures, string setting, string? path, string installs) =>
        !string.IsNullOrWhiteSpace(path) && System.IO.File.Exists(path)
            ? failures
            : failures.Add(setting, $"'{path}' does not exist. Run eng/setup.sh, which installs {installs}, or point the setting at the file.");
}
