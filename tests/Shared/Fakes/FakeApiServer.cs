using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.Testing.Fakes;

public sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, DateTimeOffset At);

/// <summary>
/// The base of the fakes of external APIs (Genius, Spotify, an OpenAI-compatible endpoint): a real Kestrel server on
/// a loopback port that records every request and lets a test make it misbehave through <see cref="Interfere"/>.
/// A fake maps its API's routes in <see cref="MapRoutes"/>.
/// </summary>
public abstract class FakeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    protected FakeApiServer()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path, context.Request.QueryString.Value ?? "",
                context.Request.Headers.Authorization.FirstOrDefault(), DateTimeOffset.UtcNow));
            if (Interfere is { } interfere && await interfere(context))
            {
                return;
            }
            await next(context);
        });
    }

    public string BaseUrl => _app.Urls.First();

    /// <summary>Runs before the normal answer; returning true means it answered the request itself.</summary>
    public Func<HttpContext, Task<bool>>? Interfere { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public int CountOf(string path) => _requests.Count(r => r.Path == path);

    /// <summary>
    /// <see cref="Interfere"/> with the requests to one path only: <paramref name="answer"/> gets the request and
    /// how many requests that path has had (this one included), and returns false to let the fake answer as usual.
    /// </summary>
    public void InterfereAt(string path, Func<HttpContext, int, Task<bool>> answer) =>
        Interfere = context => context.Request.Path == path ? answer(context, CountOf(path)) : Task.FromResult(false);

    /// <summary>Never answers; the client's timeout has to end the request.</summary>
    public static async Task<bool> Hang(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract void MapRoutes(WebApplication app);

    /// <summary>Maps the routes (after the fake's own constructor has run) and starts listening.</summary>
    protected async Task StartListeningAsync()
    {
        MapRoutes(_app);
        await _app.StartAsync();
    }
}
