using RapAnalyzer.AppHost.Hosting;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.AppHost.Tests;

/// <summary><see cref="LocalRun.Selected"/>: which resources `run --only` starts.</summary>
public class LocalRunSelectionTests
{
    private static readonly DistributedApplicationModel Model = AppModel.Create();

    private static string[] Selected(IReadOnlyCollection<string>? only) => [.. LocalRun.Selected(Model, only).Select(r => r.Name)];

    [Test]
    public void Selecting_catalog_starts_it_with_its_database_server_and_broker_in_model_order()
    {
        Assert.That(Selected(["catalog"]), Is.EqualTo(new[] { "postgres", "catalogdb", "messaging", "catalog" }));
    }

    [Test]
    public void Selecting_style_transfer_brings_in_the_services_it_calls_and_their_dependencies()
    {
        Assert.That(Selected(["style-transfer"]),
            Is.EqualTo(new[] { "postgres", "catalogdb", "cache", "messaging", "catalog", "inference", "style-transfer" }));
    }

    [Test]
    public void Selecting_two_resources_is_the_union_of_their_dependencies_without_repeats()
    {
        Assert.That(Selected(["scraper", "catalog"]),
            Is.EqualTo(new[] { "postgres", "catalogdb", "cache", "messaging", "scraper", "catalog" }));
    }

    [Test]
    public void Selecting_an_infrastructure_resource_starts_only_that()
    {
        Assert.That(Selected(["cache"]), Is.EqualTo(new[] { "cache" }));
    }

    [Test]
    public void Selecting_the_gateway_starts_everything()
    {
        Assert.That(Selected(["gateway"]), Is.EqualTo(Model.Resources.Select(r => r.Name).ToArray()));
    }

    [Test]
    public void Null_selects_the_whole_model_in_order()
    {
        Assert.That(Selected(null), Is.EqualTo(new[]
        {
            "postgres", "catalogdb", "cache", "messaging",
            "scraper", "catalog", "enrichment", "inference", "style-transfer", "quality", "trends", "gateway",
        }));
    }

    [Test]
    public void An_unknown_name_fails_naming_it()
    {
        var error = Assert.Throws<AppModelException>(() => Selected(["catalog", "no-such-service"]));

        Assert.That(error.Message, Does.Contain("'no-such-service'"));
    }
}
