using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;

namespace RapAnalyzer.Gateway.Tests;

/// <summary>The gateway forwards a path as the client encoded it, so an escaped slash in a name stays part of the name.</summary>
public class EncodedPathForwardingTests
{
    private WebApplication _catalog = null!;
    private WebApplicationFactory<Program> _gateway = null!;
    private Uri _address = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        // A stand-in for the catalog that answers with the request target it received.
        _catalog = await StandInService.StartAsync(context => context.Response.WriteAsync(context.Features.Get<IHttpRequestFeature>()!.RawTarget));

        // On Kestrel, as deployed: the in-memory test server does not give the request target as the client sent it.
        _gateway = new WebApplicationFactory<Program>().WithWebHostBuilder(gateway => gateway
            .UseSetting("services:catalog:http:0", _catalog.Urls.Single()));
        _gateway.UseKestrel(0);
        _gateway.StartServer();
        using var http = _gateway.CreateClient();
        _address = http.BaseAddress!;
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _gateway.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    [TestCase("/artists/AC%2FDC")]
    [TestCase("/artists/AC%2fDC")]
    [TestCase("/artists/AC/DC")]
    [TestCase("/artists/100%25%2F%20Pure")]
    [TestCase("/tracks?artist=AC%2FDC&yearFrom=")]
    public async Task A_path_reaches_the_service_as_the_client_encoded_it(string target)
    {
        using var http = _gateway.CreateClient();

        Assert.That(await http.GetStringAsync(target), Is.EqualTo(target));
    }

    // HttpClient would turn the backslashes into slashes itself: the request goes as a hostile client writes it.
    [TestCase(@"/artists/..\search\indexes", "/artists/..%5Csearch%5Cindexes")]
    [TestCase(@"/artists/..\..\errors", "/artists/..%5C..%5Cerrors")]
    [TestCase(@"/tracks/..\search?q=x", "/tracks/..%5Csearch?q=x")]
    public async Task A_backslash_never_takes_a_path_out_of_the_route_it_matched(string target, string reaching)
    {
        var answer = await RawHttp.SendAsync(_address, $"GET {target} HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n");

        Assert.That(answer, Does.StartWith("HTTP/1.1 200").And.Contain($"\r\n{reaching}\r\n"));
    }

    [Test]
    public async Task A_header_written_in_utf8_reaches_the_service()
    {
        var answer = await RawHttp.SendAsync(_address,
            "GET /artists/Caf%C3%A9 HTTP/1.1\r\nHost: gateway\r\nX-Mood: café\r\nConnection: close\r\n\r\n");

        Assert.That(answer, Does.StartWith("HTTP/1.1 200"));
    }
}
