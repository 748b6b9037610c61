using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.ServiceDefaults.Tests;

/// <summary>
/// A service set up with the defaults answers every error with problem details, in Development too (Aspire runs
/// services there): never the developer exception page's stack trace, source path, exception type or headers.
/// </summary>
public class ProblemDetailsTests
{
    private const string Secret = "s3cr3t-header-value";
    private const string ExceptionMessage = "the database password is hunter2";

    private readonly RecordingLoggerProvider _logs = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private sealed record SongRequest(string Title, int SongLimit);

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.AddProvider(_logs);
        builder.AddServiceDefaults();
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/fails", string () => throw new InvalidOperationException(ExceptionMessage));
        _app.MapPost("/songs", (SongRequest song) => song.Title);
        _app.MapGet("/pages/{number}", (int number) => number);
        // Two endpoints for one path: routing itself fails, before any endpoint runs.
        _app.MapGet("/twice", () => 1);
        _app.MapGet("/twice", () => 2);
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _logs.Dispose();
    }

    private async Task<(HttpStatusCode Status, string? ContentType, string Body, JsonElement Problem)> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await _http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, body,
                body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        // What a browser sends, so the developer exception page would answer with HTML.
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.Add("X-Api-Key", Secret);
        request.Headers.Add("Cookie", $"session={Secret}");
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }
        return request;
    }

    [Test]
    public async Task An_unhandled_exception_is_a_500_problem_that_gives_nothing_away()
    {
        var (status, contentType, body, problem) = await SendAsync(Request(HttpMethod.Get, "/fails"));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(contentType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "type", "title", "status", "traceId" }));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(500));
            Assert.That(body, Does.Not.Contain(ExceptionMessage));
            Assert.That(body, Does.Not.Contain(nameof(InvalidOperationException)));
            Assert.That(body, Does.Not.Contain(" at ").And.Not.Contain(".cs").And.Not.Contain(Environment.CurrentDirectory));
            Assert.That(body, Does.Not.Contain(Secret).And.Not.Contain("X-Api-Key"));
        });
    }

    [Test]
    public async Task The_log_keeps_what_the_response_leaves_out()
    {
        await SendAsync(Request(HttpMethod.Get, "/fails"));

        Assert.That(_logs.Exceptions, Has.Some.Matches<Exception>(e => e is InvalidOperationException { Message: ExceptionMessage }));
    }

    [Test]
    public async Task A_malformed_json_body_is_a_400_problem_saying_where()
    {
        var (status, contentType, _, problem) = await SendAsync(Request(HttpMethod.Post, "/songs", "{\"title\": \"One\", songLimit"));

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(contentType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(400));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("request body as JSON").And.Contain("line 1, byte 18")
                .And.Contain("parameter \"song\"").And.Not.Contain(nameof(SongRequest)));
            Assert.That(problem.TryGetProperty("traceId", out _), Is.True);
        });
    }

    [Test]
    public async Task A_json_value_of_the_wrong_type_is_a_400_problem_naming_the_field()
    {
        var (status, _, _, problem) = await SendAsync(Request(HttpMethod.Post, "/songs", "{\"title\": \"One\", \"songLimit\": \"many\"}"));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("$.songLimit"));
    }

    [TestCase("", TestName = "A missing body is a 400 problem saying so")]
    [TestCase("null", TestName = "A body of JSON null is a 400 problem saying the body is missing")]
    public async Task A_missing_body_is_a_400_problem(string body)
    {
        var (status, contentType, _, problem) = await SendAsync(Request(HttpMethod.Post, "/songs", body));

        Assert.Multiple(() =>
        {
            Assert.That((status, contentType), Is.EqualTo((HttpStatusCode.BadRequest, "application/problem+json")));
            // Not the framework's "Implicit body inferred … Did you mean to use a Service instead?", nor the .NET type.
            Assert.That(problem.GetProperty("detail").GetString(),
                Is.EqualTo("The request body is missing: \"song\" is read from it, as a JSON object."));
        });
    }

    [Test]
    public async Task A_body_of_the_wrong_content_type_is_a_415_problem()
    {
        var (status, contentType, _, _) = await SendAsync(Request(HttpMethod.Post, "/songs", "title=One", "application/x-www-form-urlencoded"));

        Assert.That((status, contentType), Is.EqualTo((HttpStatusCode.UnsupportedMediaType, "application/problem+json")));
    }

    [Test]
    public async Task A_route_value_that_does_not_bind_is_a_400_problem_naming_the_parameter()
    {
        var (status, contentType, _, problem) = await SendAsync(Request(HttpMethod.Get, "/pages/seven"));

        Assert.Multiple(() =>
        {
            Assert.That((status, contentType), Is.EqualTo((HttpStatusCode.BadRequest, "application/problem+json")));
            Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("parameter \"number\"").And.Contain("seven").And.Not.Contain("int"));
        });
    }

    [Test]
    public async Task A_head_request_is_answered_as_its_get_without_the_body()
    {
        using var get = await _http.SendAsync(Request(HttpMethod.Get, "/pages/7"));
        using var head = await _http.SendAsync(Request(HttpMethod.Head, "/pages/7"));
        using var headOfPost = await _http.SendAsync(Request(HttpMethod.Head, "/songs"));
        var (getBody, headBody) = (await get.Content.ReadAsStringAsync(), await head.Content.ReadAsByteArrayAsync());

        Assert.Multiple(() =>
        {
            Assert.That((head.StatusCode, head.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.OK, get.Content.Headers.ContentType?.MediaType)));
            Assert.That(getBody, Is.EqualTo("7"));
            Assert.That(headBody, Is.Empty);
            Assert.That(headOfPost.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed), "a path without a GET has no HEAD either");
        });
    }

    [Test]
    public async Task An_unknown_path_is_a_404_problem()
    {
        var (status, contentType, _, _) = await SendAsync(Request(HttpMethod.Get, "/nowhere"));

        Assert.That((status, contentType), Is.EqualTo((HttpStatusCode.NotFound, "application/problem+json")));
    }

    [Test]
    public async Task A_failure_to_route_is_a_500_problem_not_the_developer_page()
    {
        var (status, contentType, body, _) = await SendAsync(Request(HttpMethod.Get, "/twice"));

        Assert.Multiple(() =>
        {
            Assert.That((status, contentType), Is.EqualTo((HttpStatusCode.InternalServerError, "application/problem+json")));
            Assert.That(body, Does.Not.Contain("AmbiguousMatchException").And.Not.Contain(Secret));
        });
    }

    private sealed class RecordingLoggerProvider : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<Exception> Exceptions { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null)
            {
                Exceptions.Enqueue(exception);
            }
        }

        public void Dispose()
        {
        }
    }
}
