using System.Text.RegularExpressions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Takes the addresses out of a message a client may read: URLs, IP addresses and host:port pairs, which exception
/// messages of Npgsql, StackExchange.Redis, MassTransit and HttpClient carry ("Failed to connect to 10.0.0.5:5432").
/// The whole message stays in the service's log.
/// </summary>
public static partial class InternalAddresses
{
    public const string Placeholder = "<address>";

    public static string Redact(string message) => Address().Replace(message, Placeholder);

    // A scheme's URL; an IPv6 or IPv4 address, with its port; a host name with a port (it starts with a letter, so a
    // time such as 02:30 is left).
    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s""'<>()]+|\[[0-9A-Fa-f:.]+\](?::\d+)?|\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b|\b[A-Za-z][\w-]*(?:\.[\w-]+)*:\d{1,5}\b")]
    private static partial Regex Address();
}
