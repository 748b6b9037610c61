using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Writes a health report as JSON so the gateway (and people) can see which dependency is down and why, the
/// dependencies' addresses taken out (<see cref="InternalAddresses"/>).
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, ToJson(report), JsonSerializerOptions.Web, context.RequestAborted);
    }

    public static HealthStatusDocument ToJson(HealthReport report) => new(
        report.Status.ToString(),
        report.TotalDuration.TotalMilliseconds,
        report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthEntryDocument(e.Value.Status.ToString(), Readable(e.Value.Description ?? e.Value.Exception?.Message),
                e.Value.Duration.TotalMilliseconds)));

    // The gateway shows this to anyone: what failed, without the dependency's address.
    private static string? Readable(string? description) => description is null ? null : InternalAddresses.Redact(description);
}

public sealed record HealthStatusDocument(string Status, double DurationMs, IReadOnlyDictionary<string, HealthEntryDocument> Entries);

public sealed record HealthEntryDocument(string Status, string? Description, double DurationMs);
