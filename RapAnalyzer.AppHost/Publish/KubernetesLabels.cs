namespace RapAnalyzer.AppHost.Publish;

/// <summary>The recommended <c>app.kubernetes.io/*</c> labels; a fresh dictionary each time, sorted so the output is stable.</summary>
internal static class KubernetesLabels
{
    public const string PartOf = "rapanalyzer";

    public static SortedDictionary<string, string> For(string name, string component) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/component"] = component,
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/part-of"] = PartOf,
    };

    /// <summary>What a workload's selector and its Service match: never changes, since selectors are immutable.</summary>
    public static SortedDictionary<string, string> Selector(string name) => new(StringComparer.Ordinal)
    {
        ["app.kubernetes.io/name"] = name,
        ["app.kubernetes.io/part-of"] = PartOf,
    };
}
