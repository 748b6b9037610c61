using RapAnalyzer.Scraper.Import;

namespace RapAnalyzer.Scraper.Tests.Import;

public sealed class ImportOptionsValidationTests
{
    [Test]
    public void The_default_maximum_takes_a_20_gb_dataset()
    {
        var options = new ImportOptions();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(options.MaxUploadBytes, Is.GreaterThanOrEqualTo(20_000_000_000));
            Assert.That(new ImportOptionsValidation().Validate(null, options).Succeeded, Is.True);
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void A_maximum_of_no_bytes_is_refused_naming_the_setting(long maxUploadBytes)
    {
        var result = new ImportOptionsValidation().Validate(null, new ImportOptions { MaxUploadBytes = maxUploadBytes });

        Assert.That(result.FailureMessage, Does.Contain("Import:MaxUploadBytes"));
    }
}
