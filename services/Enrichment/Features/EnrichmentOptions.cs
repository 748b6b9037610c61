namespace RapAnalyzer.Enrichment.Features;

/// <summary>Settings of the enrichment service, bound from the <c>Enrichment</c> configuration section.</summary>
public sealed class EnrichmentOptions
{
    public const string SectionName = "Enrichment";

    /// <summary>The <c>index.js</c> of the npm package cmu-pronouncing-dictionary@3.0.0 (eng/setup.sh installs it).</summary>
    public string CmuDictionaryPath { get; set; } = DefaultCmuDictionaryPath();

    /// <summary>
    /// <c>models/cmudict/index.js</c> of the repository this build runs from: the nearest folder above
    /// <see cref="AppContext.BaseDirectory"/> that holds RapAnalyzer.sln; next to the binaries when there is none.
    /// </summary>
    public static string DefaultCmuDictionaryPath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "RapAnalyzer.sln")))
            {
                return Path.Combine(folder.FullName, "models", "cmudict", "index.js");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "models", "cmudict", "index.js");
    }
}
