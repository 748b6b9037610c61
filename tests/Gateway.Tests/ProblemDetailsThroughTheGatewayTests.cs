using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RapAnalyzer.Gateway.Tests;

/// <summary>
/// Behind the gateway, in Development as Aspire runs it: a service's problem details reach the client exactly as the
/// service wrote them, and the gateway's own errors (a service it cannot reach, a path it does not route) are problem
/// details too.
/// </summary>
public class ProblemDetailsThroughTheGatewayTests
{
    private const string ServiceProblem =
        """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"One or more validation errors occurred.","status":400,"errors":{"artists":["At least one artist is needed."]},"traceId":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}""";

    private WebApplication _catalog = null!;
    private WebApplicationFactory<Program> _gateway = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        // A stand-in for the catalog that answers every request with the same problem, byte for byte.
        _catalog = await StandInService.StartAsync(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/problem+json";
            await context.Response.WriteAsync(ServiceProblem);
        });

        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(gateway => gateway
            .UseEnvironment("Development")
            .UseSetting("services:catalog:http:0", _catalog.Urls.Single())
            // Nothing listens on port 1: the scraper is down.
            .UseSetting("services:scraper:http:0", "http://127.0.0.1:1"));
        _http = _gateway.CreateClient();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    [Test]
    public async Task A_services_problem_passes_through_unchanged()
    {
        using var response = await _http.GetAsync("/tracks?page=0");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo(ServiceProblem));
        });
    }

    [Test]
    public async Task A_service_the_gateway_cannot_reach_is_a_502_problem()
    {
        using var content = new StringContent("{}", Encoding.UTF8, "application/x-ndjson");
        using var response = await _http.PostAsync("/import", content);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(body, Does.Contain("\"status\":502").And.Not.Contain("127.0.0.1").And.Not.Contain("Exception"));
        });
    }

    // /metrics too: the gateway's would show any client the services' internal addresses.
    [TestCase("/nowhere")]
    [TestCase("/metrics")]
    public async Task A_path_the_gateway_does_not_route_is_a_404_problem(string path)
    {
        using var response = await _http.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        });
    }
}
