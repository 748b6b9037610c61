namespace RapAnalyzer.Testing;

/// <summary>Child process output, kept out of the console unless asked for (RAPANALYZER_TEST_LOGS=1).</summary>
public static class TestLog
{
    private static readonly bool Verbose = Environment.GetEnvironmentVariable("RAPANALYZER_TEST_LOGS") == "1";

    public static void Write(string resource, string line)
    {
        if (Verbose)
        {
            TestContext.Progress.WriteLine($"[{resource}] {line}");
        }
    }
}
