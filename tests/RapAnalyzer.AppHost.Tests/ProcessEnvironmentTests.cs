using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.AppHost.Tests;

/// <summary>What a started program sees of this process's environment: all of it, less what its spec unsets.</summary>
public class ProcessEnvironmentTests
{
    private const string Variable = "RAPANALYZER_TEST_FORWARDED";

    [SetUp]
    public void Export() => Environment.SetEnvironmentVariable(Variable, "from-the-developer-shell");

    [TearDown]
    public void Unexport() => Environment.SetEnvironmentVariable(Variable, null);

    // Exits 0 only when the variable is not set at all in the child.
    private static ProcessSpec IsUnset(IReadOnlyDictionary<string, string>? environment = null) =>
        new("sh", ["-c", $"test -z \"${{{Variable}+x}}\""], environment ?? new Dictionary<string, string>(), Environment.CurrentDirectory);

    [Test]
    public void A_program_inherits_this_process_environment()
    {
        Assert.ThrowsAsync<InvalidOperationException>(() => Command.RunAsync(IsUnset(), CancellationToken.None));
    }

    [Test]
    public void An_unset_variable_is_not_inherited()
    {
        Assert.DoesNotThrowAsync(() => Command.RunAsync(IsUnset() with { Unset = [Variable] }, CancellationToken.None));
    }

    [Test]
    public void An_unset_variable_given_in_the_spec_has_the_spec_value()
    {
        var spec = new ProcessSpec("sh", ["-c", $"test \"${Variable}\" = from-the-spec"],
            new Dictionary<string, string> { [Variable] = "from-the-spec" }, Environment.CurrentDirectory) { Unset = [Variable] };

        Assert.DoesNotThrowAsync(() => Command.RunAsync(spec, CancellationToken.None));
    }
}
