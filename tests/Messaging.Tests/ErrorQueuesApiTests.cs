using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Messaging.Tests;

/// <summary>
/// The error queues a consuming service gets from AddMessaging and the operators' API over them, whose routes the
/// AppHost's replay command calls.
/// </summary>
public sealed class ErrorQueuesApiTests
{
    private WebApplication _app = null!;

    [SetUp]
    public void Build()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "Catalog" });
        // Nothing listens on port 1: RabbitMQ is down, and the app is never started anyway.
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:messaging", "amqp://guest:guest@127.0.0.1:1")]);
        builder.AddMessaging("messaging", bus => bus.AddConsumer<TrackScrapedConsumer>());
        _app = builder.Build();
        _app.MapErrorQueuesApi();
    }

    [TearDown]
    public async Task Dispose() => await _app.DisposeAsync();

    private ErrorQueues ErrorQueues => _app.Services.GetRequiredService<ErrorQueues>();

    [Test]
    public void Each_consumer_has_its_service_prefixed_queue()
    {
        Assert.That(ErrorQueues.Queues, Is.EqualTo(new[] { "catalog-track-scraped" }));
    }

    [Test]
    public void The_routes_are_those_the_AppHost_calls()
    {
        var routes = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Select(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single(), endpoint.RoutePattern.RawText));

        Assert.That(routes, Is.EquivalentTo(new[] { ("GET", "/errors/"), ("POST", "/errors/{queue}/replay") }));
    }

    [Test]
    public async Task A_replay_of_a_queue_of_another_service_is_refused_before_RabbitMQ_is_asked()
    {
        var answer = await ErrorQueuesApi.ReplayErrorQueue(ErrorQueues, "enrichment-track-stored", max: null, CancellationToken.None);

        Assert.That(answer.Result, Is.TypeOf<ValidationProblem>());
    }

    [TestCase(0)]
    [TestCase(ErrorQueuesApi.MaxReplay + 1)]
    public async Task A_replay_beyond_the_limits_is_refused(int max)
    {
        var answer = await ErrorQueuesApi.ReplayErrorQueue(ErrorQueues, "catalog-track-scraped", max, CancellationToken.None);

        Assert.That(answer.Result, Is.TypeOf<ValidationProblem>());
    }

    [Test]
    public async Task Listing_while_RabbitMQ_is_unreachable_is_a_503()
    {
        var answer = await ErrorQueuesApi.ListErrorQueues(ErrorQueues, CancellationToken.None);

        Assert.That((answer.Result as ProblemHttpResult)?.StatusCode, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));
    }
}

public sealed record TrackScraped(string Title);

/// <summary>A consumer as a service declares one; its name gives the queue's.</summary>
public sealed class TrackScrapedConsumer : IConsumer<TrackScraped>
{
    public Task Consume(ConsumeContext<TrackScraped> context) => Task.CompletedTask;
}
