namespace RapAnalyzer.AppHost;

/// <summary>
/// The AppHost's own flags as the configuration keys they set: <c>--fresh</c> (LocalServers:Fresh), <c>--data-dir DIR</c>
/// (LocalServers:DataDirectory), <c>--gateway-port PORT</c> (GatewayPort). Anything else goes to Aspire as given.
/// </summary>
public static class AppHostArguments
{
    private static readonly Dictionary<string, string> WithValue = new(StringComparer.Ordinal)
    {
        ["--data-dir"] = "LocalServers:DataDirectory",
        ["--gateway-port"] = "GatewayPort",
    };

    public static string[] ToConfiguration(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--fresh")
            {
                result.Add("--LocalServers:Fresh=true");
            }
            else if (WithValue.TryGetValue(args[i], out var key))
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{args[i]} needs a value.");
                }
                result.Add($"--{key}={args[++i]}");
            }
            else
            {
                result.Add(args[i]);
            }
        }
        return [.. result];
    }
}
