using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RapAnalyzer.ServiceDefaults.Tests.ExternalApis;

/// <summary>An external API with one resource: <c>GET /items/{id}</c> answers <c>{"item_name": "item {id}"}</c>.</summary>
public sealed class FakeItemsApi : FakeApiServer
{
    private FakeItemsApi()
    {
    }

    public static async Task<FakeItemsApi> StartAsync()
    {
        var server = new FakeItemsApi();
        await server.StartListeningAsync();
        return server;
    }

    /// <summary>Answers with <paramref name="status"/> and, when given, a Retry-After of that many seconds.</summary>
    public static async Task<bool> Status(HttpContext context, int status, string? retryAfter = null)
    {
        context.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        await context.Response.WriteAsync("{}");
        return true;
    }

    protected override void MapRoutes(WebApplication app) =>
        app.MapGet("/items/{id}", (string id) => Results.Json(new Dictionary<string, string> { ["item_name"] = $"item {id}" }));
}
