using Microsoft.Extensions.Configuration;
using Npgsql;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Start-up checks of the settings the AppHost (or Kubernetes) passes in. Each failure names the setting,
/// so a wrong value stops the service with a message that says what to fix.
/// </summary>
public static class SettingValidation
{
    public static string GetRequiredConnectionString(this IHostApplicationBuilder builder, string name)
    {
        var value = builder.Configuration.GetConnectionString(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidSettingException($"ConnectionStrings:{name}", "is missing");
        }
        return value;
    }

    /// <summary>Aspire's Npgsql integration would only fail at the first query, with a message that names no setting.</summary>
    public static void ValidatePostgresConnectionString(this IHostApplicationBuilder builder, string name)
    {
        var value = builder.GetRequiredConnectionString(name);
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrWhiteSpace(parsed.Host) || parsed.Port is <= 0 or > 65535)
            {
                throw new InvalidSettingException($"ConnectionStrings:{name}", "needs a Host and a Port between 1 and 65535");
            }
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException($"ConnectionStrings:{name}", $"is not a valid Postgres connection string ({e.Message})");
        }
    }

    /// <summary>Aspire's Redis integration would only fail when it first connects, with a message that names no setting.</summary>
    public static void ValidateRedisConnectionString(this IHostApplicationBuilder builder, string name)
    {
        var value = builder.GetRequiredConnectionString(name);
        try
        {
            if (ConfigurationOptions.Parse(value).EndPoints.Count == 0)
            {
                throw new InvalidSettingException($"ConnectionStrings:{name}", "names no Redis endpoint");
            }
        }
        catch (ArgumentException e)
        {
            throw new InvalidSettingException($"ConnectionStrings:{name}", $"is not a valid Redis connection string ({e.Message})");
        }
    }

    /// <summary>Kestrel reports a bad endpoint URL without naming the setting; check them first.</summary>
    public static void ValidateEndpointSettings(this IHostApplicationBuilder builder)
    {
        foreach (var endpoint in builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            var url = endpoint["Url"];
            if (url is null)
            {
                continue;
            }
            var hostPort = url.Replace("://*", "://localhost").Replace("://+", "://localhost");
            if (!Uri.TryCreate(hostPort, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.Port is < 0 or > 65535)
            {
                throw new InvalidSettingException($"Kestrel:Endpoints:{endpoint.Key}:Url", $"'{url}' is not a valid http(s) URL with a port from 0 to 65535");
            }
        }
    }
}

public sealed class InvalidSettingException(string setting, string problem)
    : Exception($"Invalid setting {setting}: {problem}.")
{
    public string Setting { get; } = setting;
}
