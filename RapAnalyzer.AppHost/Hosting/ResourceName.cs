using System.Text.RegularExpressions;

namespace RapAnalyzer.AppHost.Hosting;

/// <summary>Resource names become Kubernetes object and DNS names, so they follow RFC 1035 labels.</summary>
public static partial class ResourceName
{
    public static bool IsValid(string name) => Label().IsMatch(name);

    [GeneratedRegex("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex Label();
}
