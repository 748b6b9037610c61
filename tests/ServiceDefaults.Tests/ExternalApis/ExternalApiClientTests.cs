using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.ServiceDefaults.Tests.ExternalApis;

/// <summary>
/// A client registered with <c>AddExternalApiClient</c>, calling a fake API through <see cref="ExternalApiCalls"/>: the
/// pipeline every external API gets, and the one failure type whatever goes wrong.
/// </summary>
public class ExternalApiClientTests
{
    private FakeItemsApi _server = null!;
    private ServiceProvider? _services;

    private sealed record Item(string ItemName);

    [SetUp]
    public async Task StartServer() => _server = await FakeItemsApi.StartAsync();

    [TearDown]
    public async Task StopServer()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
        await _server.DisposeAsync();
    }

    private Func<string, Task<Item>> Client(Action<TestApiOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // What ServiceDefaults does to every HttpClient; an external API's client has to replace it, not add to it.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        services.AddExternalApiClient<TestApiOptions>();
        services.Configure<TestApiOptions>(options =>
        {
            options.BaseUrl = _server.BaseUrl;
            options.RetryDelaySeconds = 0.01;
            configure?.Invoke(options);
        });
        _services = services.BuildServiceProvider();
        var http = _services.GetRequiredService<IHttpClientFactory>().CreateClient(TestApiOptions.SectionName);
        var api = _services.GetRequiredService<IOptions<TestApiOptions>>().Value;
        return async id =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, ExternalApiCalls.Resolve(api.BaseUrl, $"items/{id}"));
            using var response = (await http.CallAsync(api, request, CancellationToken.None)).EnsureSuccess(api);
            return await response.ReadJsonAsync<Item>(api, CancellationToken.None);
        };
    }

    [Test]
    public async Task An_answer_is_read_as_snake_case_json()
    {
        Assert.That(await Client()("1"), Is.EqualTo(new Item("item 1")));
    }

    [Test]
    public void A_failing_status_is_retried_by_one_layer_only_then_named_with_the_api_and_the_call()
    {
        _server.InterfereAt("/items/1", (context, _) => FakeItemsApi.Status(context, 503));

        var error = Assert.ThrowsAsync<ExternalApiException>(() => Client()("1"));

        // The standard handler would make it 3 × 4 attempts.
        Assert.That((error!.Api, error.StatusCode, error.IsCircuitOpen, _server.CountOf("/items/1")),
            Is.EqualTo((TestApiOptions.SectionName, (HttpStatusCode?)HttpStatusCode.ServiceUnavailable, false, 3)));
        Assert.That(error.Message, Is.EqualTo($"TestApi answered 503 Service Unavailable to GET {_server.BaseUrl}/items/1."));
    }

    [TestCase(403)]
    [TestCase(404)]
    public void A_refusal_is_not_retried(int status)
    {
        _server.InterfereAt("/items/1", (context, _) => FakeItemsApi.Status(context, status));

        var error = Assert.ThrowsAsync<ExternalApiException>(() => Client()("1"));

        Assert.That(((int?)error!.StatusCode, _server.CountOf("/items/1")), Is.EqualTo(((int?)status, 1)));
    }

    [Test]
    public async Task Retry_after_sets_the_wait_before_the_retry()
    {
        _server.InterfereAt("/items/1", (context, count) => count == 1 ? FakeItemsApi.Status(context, 429, retryAfter: "1") : Task.FromResult(false));

        var item = await Client()("1");

        var attempts = _server.Requests.Where(r => r.Path == "/items/1").ToList();
        Assert.That((item.ItemName, attempts.Count), Is.EqualTo(("item 1", 2)));
        Assert.That(attempts[1].At - attempts[0].At, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.95)));
    }

    [Test]
    public void A_retry_after_longer_than_MaxRetryAfterSeconds_is_not_waited_for()
    {
        _server.InterfereAt("/items/1", (context, _) => FakeItemsApi.Status(context, 429, retryAfter: "3600"));
        var clock = Stopwatch.StartNew();

        var error = Assert.ThrowsAsync<ExternalApiException>(() => Client(o => o.MaxRetryAfterSeconds = 2)("1"));

        Assert.That((error!.StatusCode, _server.CountOf("/items/1")), Is.EqualTo(((HttpStatusCode?)HttpStatusCode.TooManyRequests, 1)));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void No_answer_within_the_attempt_timeout_names_the_setting()
    {
        _server.InterfereAt("/items/1", (context, _) => FakeApiServer.Hang(context));

        var error = Assert.ThrowsAsync<ExternalApiException>(() => Client(o => (o.TimeoutSeconds, o.MaxRetries) = (0.2, 1))("1"));

        Assert.That(error!.Message, Is.EqualTo($"GET {_server.BaseUrl}/items/1 got no answer within 0.2 s (TestApi:TimeoutSeconds) on any attempt."));
        Assert.That(_server.CountOf("/items/1"), Is.EqualTo(2));
    }

    [Test]
    public async Task An_api_nobody_listens_on_is_named_with_the_call()
    {
        var client = Client(o => o.MaxRetries = 0);
        var address = _server.BaseUrl;
        await _server.DisposeAsync();
        _server = await FakeItemsApi.StartAsync();

        var error = Assert.ThrowsAsync<ExternalApiException>(() => client("1"));

        Assert.That(error!.Message, Does.StartWith($"GET {address}/items/1 failed: "));
        Assert.That(error.StatusCode, Is.Null);
    }

    [Test]
    public void After_repeated_failures_the_circuit_opens_and_calls_fail_without_reaching_the_api()
    {
        _server.InterfereAt("/items/1", (context, _) => FakeItemsApi.Status(context, 500));
        var client = Client(o => (o.MaxRetries, o.CircuitBreakerMinimumThroughput) = (0, 2));
        for (var i = 0; i < 2; i++)
        {
            Assert.ThrowsAsync<ExternalApiException>(() => client("1"));
        }

        var open = Assert.ThrowsAsync<ExternalApiException>(() => client("1"));

        Assert.That((open!.IsCircuitOpen, _server.CountOf("/items/1")), Is.EqualTo((true, 2)));
        Assert.That(open.Message, Does.Contain("TestApi failed too often").And.Contain("TestApi:CircuitBreakerBreakSeconds"));
    }

    [Test]
    public async Task RequestsPerSecond_spaces_the_calls()
    {
        var client = Client(o => o.RequestsPerSecond = 10);

        for (var i = 0; i < 5; i++)
        {
            await client("1");
        }

        var times = _server.Requests.Select(r => r.At).ToList();
        // The first call takes the bucket's token and the second may catch the next refill; from then on, one per 100 ms.
        Assert.That(times[^1] - times[0], Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(280)));
    }

    [Test]
    public void A_body_that_is_not_the_json_expected_is_the_same_failure()
    {
        _server.InterfereAt("/items/1", async (context, _) =>
        {
            await context.Response.WriteAsync("<html>maintenance</html>");
            return true;
        });

        var error = Assert.ThrowsAsync<ExternalApiException>(() => Client()("1"));

        Assert.That(error!.Message, Does.StartWith($"TestApi answered GET {_server.BaseUrl}/items/1 with JSON it cannot read: "));
    }

    [TestCase("https://api.example.org/v1", "items/1", "https://api.example.org/v1/items/1")]
    [TestCase("https://api.example.org/v1/", "items/1", "https://api.example.org/v1/items/1")]
    [TestCase("https://api.example.org", "search?q=a%20b", "https://api.example.org/search?q=a%20b")]
    public void A_relative_url_resolves_below_the_base_url_path(string baseUrl, string relative, string expected)
    {
        Assert.That(ExternalApiCalls.Resolve(baseUrl, relative).AbsoluteUri, Is.EqualTo(expected));
    }
}
