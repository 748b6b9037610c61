using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>What an operator sees in the dashboard's traces and structured logs, received here by an OTLP endpoint the test controls.</summary>
[TestFixture]
public sealed class TraceTests
{
    private static readonly string[] IngestServices = ["gateway", "scraper", "catalog", "enrichment"];

    /// <summary>
    /// The spans an import must leave, by service and instrumentation. The wait is for all of them: a service's spans
    /// arrive in the order they end, so enrichment's HTTP calls come before the consume span that holds them.
    /// </summary>
    private static readonly (string Service, string Scope)[] ExpectedSpans =
    [
        ("gateway", "Microsoft.AspNetCore"), ("gateway", "System.Net.Http"), ("scraper", "MassTransit"),
        ("catalog", "MassTransit"), ("catalog", "Npgsql"), ("enrichment", "MassTransit"),
    ];

    [Test]
    public async Task One_import_through_the_gateway_is_one_trace_across_gateway_scraper_catalog_and_enrichment()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var artist = $"Traced {Guid.NewGuid():N}";
        var row = $$"""{"id":"{{artist}}","title":"Traced","artist":"{{artist}}","lyrics":"[Verse 1]\nfollow the trace\nall over the place","year":2004}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/import") { Content = new StringContent(row, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var accepted = await RunningSystem.Gateway.SendAsync(request);
        var spans = await RunningSystem.Telemetry.WaitForTraceAsync(traceId,
            s => ExpectedSpans.All(expected => s.Any(span => span.ServiceName == expected.Service && span.ScopeName == expected.Scope)),
            TimeSpan.FromSeconds(90));
        var logs = await RunningSystem.Telemetry.WaitForLogRecordsAsync(
            l => l.Any(r => r.TraceId == traceId && r.ServiceName == "scraper"), TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(accepted.IsSuccessStatusCode, Is.True);
            Assert.That(spans.Select(s => s.ServiceName).Distinct(), Is.SupersetOf(IngestServices));
            foreach (var (service, scope) in ExpectedSpans)
            {
                Assert.That(spans.Where(s => s.ServiceName == service).Select(s => s.ScopeName), Has.Some.EqualTo(scope), service);
            }
            Assert.That(logs.Where(r => r.TraceId == traceId).Select(r => r.ServiceName).Distinct(), Has.Some.EqualTo("scraper"));
        });
    }
}
