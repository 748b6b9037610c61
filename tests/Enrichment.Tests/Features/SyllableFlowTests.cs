using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Syllables per line: mean and population variance.</summary>
public class SyllableFlowTests
{
    [Test]
    public void Mean_and_variance_by_hand()
    {
        // mean (4 + 6 + 8) / 3 = 6; variance ((4-6)² + 0 + (8-6)²) / 3 = 8/3
        var flow = SyllableFlow.Of([4, 6, 8]);

        Assert.That(flow.Mean, Is.EqualTo(6.0));
        Assert.That(flow.Variance, Is.EqualTo(8.0 / 3).Within(1e-12));
    }

    [Test]
    public void Even_lines_have_no_variance_and_no_lines_have_no_flow()
    {
        Assert.That(SyllableFlow.Of([5, 5, 5]), Is.EqualTo(new SyllableFlow(5, 0)));
        Assert.That(SyllableFlow.Of([]), Is.EqualTo(new SyllableFlow(0, 0)));
    }
}
