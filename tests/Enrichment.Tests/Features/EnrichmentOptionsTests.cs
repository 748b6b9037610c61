using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>The dictionary path is found in the repository by default and checked at start-up.</summary>
public class EnrichmentOptionsTests
{
    private static readonly EnrichmentOptionsValidation Validation = new();

    [Test]
    public void The_default_path_is_the_repositorys_models_folder_and_exists_after_setup()
    {
        var path = new EnrichmentOptions().CmuDictionaryPath;

        Assert.That(path, Does.EndWith(Path.Combine("models", "cmudict", "index.js")));
        Assert.That(File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "RapAnalyzer.sln")), Is.True);
        Assert.That(Validation.Validate(null, new EnrichmentOptions()).Succeeded, Is.True);
    }

    [TestCase("/nonexistent/cmudict/index.js")]
    [TestCase("")]
    [TestCase("   ")]
    public void A_missing_dictionary_names_the_setting(string path)
    {
        var result = Validation.Validate(null, new EnrichmentOptions { CmuDictionaryPath = path });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.StartWith("Enrichment:CmuDictionaryPath"));
    }
}
