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
}
