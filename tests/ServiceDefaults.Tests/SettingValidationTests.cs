using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.ServiceDefaults.Tests;

/// <summary>Start-up checks of the connection strings and endpoints a service is given; a failure names the setting.</summary>
public class SettingValidationTests
{
    private static HostApplicationBuilder Builder(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        return builder;
    }

    private static HostApplicationBuilder WithConnectionString(string name, string value) => Builder(($"ConnectionStrings:{name}", value));

    [Test]
    public void A_missing_connection_string_names_it()
    {
        var builder = Builder(("ConnectionStrings:other", "value"));

        var error = Assert.Throws<InvalidSettingException>(() => builder.GetRequiredConnectionString("x"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:x"));
        Assert.That(error.Message, Does.Contain("ConnectionStrings:x").And.Contain("missing"));
    }

    [Test]
    public void A_blank_connection_string_is_missing()
    {
        var error = Assert.Throws<InvalidSettingException>(() => WithConnectionString("x", "  ").GetRequiredConnectionString("x"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:x"));
    }

    [Test]
    public void A_present_connection_string_is_returned_as_is()
    {
        Assert.That(WithConnectionString("x", "anything=1").GetRequiredConnectionString("x"), Is.EqualTo("anything=1"));
    }

    [TestCase("Host=;Nonsense=1")]
    [TestCase("Port=5432;Username=postgres")]
    [TestCase("Host=127.0.0.1;Port=0")]
    [TestCase("Host=127.0.0.1;Port=99999")]
    [TestCase("Host=127.0.0.1;Port=abc")]
    [TestCase("just some words")]
    public void A_bad_postgres_connection_string_names_it(string value)
    {
        var builder = WithConnectionString("catalogdb", value);

        var error = Assert.Throws<InvalidSettingException>(() => builder.GetPostgresConnectionString("catalogdb"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:catalogdb"));
    }

    [Test]
    public void A_good_postgres_connection_string_is_parsed()
    {
        var builder = WithConnectionString("catalogdb", "Host=127.0.0.1;Port=25432;Username=postgres;Password=p;Database=catalogdb");

        var parsed = builder.GetPostgresConnectionString("catalogdb");

        Assert.That((parsed.Host, parsed.Port, parsed.Username, parsed.Database), Is.EqualTo(("127.0.0.1", 25432, "postgres", "catalogdb")));
    }

    [Test]
    public void A_missing_postgres_connection_string_names_it()
    {
        var error = Assert.Throws<InvalidSettingException>(() => Builder().GetPostgresConnectionString("catalogdb"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:catalogdb"));
    }

    [TestCase("abortConnect=false")]
    [TestCase("password=secret,ssl=false")]
    [TestCase("127.0.0.1:6379,connectTimeout=soon")]
    public void A_redis_connection_string_without_an_endpoint_or_unparseable_names_it(string value)
    {
        var builder = WithConnectionString("cache", value);

        var error = Assert.Throws<InvalidSettingException>(() => builder.GetRedisConfiguration("cache"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:cache"));
    }

    [Test]
    public void A_good_redis_connection_string_is_parsed()
    {
        var options = WithConnectionString("cache", "127.0.0.1:26379,abortConnect=false").GetRedisConfiguration("cache");

        Assert.That(options.EndPoints.Select(e => e.ToString()), Is.EqualTo(new[] { "127.0.0.1:26379" }));
        Assert.That(options.AbortOnConnectFail, Is.False);
    }

    [TestCase("http://127.0.0.1:5672")]
    [TestCase("127.0.0.1:5672")]
    [TestCase("amqp://rapanalyzer:secret@127.0.0.1:99999")]
    [TestCase("amqp://rapanalyzer:secret@127.0.0.1")]
    [TestCase("not a uri")]
    public void A_bad_amqp_uri_names_it(string value)
    {
        var builder = WithConnectionString("messaging", value);

        var error = Assert.Throws<InvalidSettingException>(() => builder.GetAmqpUri("messaging"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:messaging"));
    }

    [TestCase("amqp://rapanalyzer:p%40ss%2Fw%3Ard@127.0.0.1:25672", "127.0.0.1", 25672)]
    [TestCase("amqps://user:pw@rabbit.example.com:5671/vhost", "rabbit.example.com", 5671)]
    public void A_good_amqp_uri_is_parsed(string value, string host, int port)
    {
        var uri = WithConnectionString("messaging", value).GetAmqpUri("messaging");

        Assert.That((uri.Host, uri.Port), Is.EqualTo((host, port)));
    }

    [TestCase("http", "http://127.0.0.1:99999")]
    [TestCase("grpc", "not a url")]
    [TestCase("http", "ftp://127.0.0.1:21")]
    [TestCase("grpc", "127.0.0.1:8081")]
    public void A_bad_kestrel_endpoint_url_names_it(string endpoint, string url)
    {
        var builder = Builder(
            ("Kestrel:Endpoints:metrics:Url", "http://127.0.0.1:9090"),
            ($"Kestrel:Endpoints:{endpoint}:Url", url));

        var error = Assert.Throws<InvalidSettingException>(builder.ValidateEndpointSettings);

        Assert.That(error.Setting, Is.EqualTo($"Kestrel:Endpoints:{endpoint}:Url"));
        Assert.That(error.Message, Does.Contain(url));
    }

    [Test]
    public void Good_kestrel_endpoints_pass()
    {
        var builder = Builder(
            ("Kestrel:Endpoints:http:Url", "http://127.0.0.1:28080"),
            ("Kestrel:Endpoints:grpc:Url", "http://127.0.0.1:28081"),
            ("Kestrel:Endpoints:grpc:Protocols", "Http2"),
            ("Kestrel:Endpoints:any:Url", "http://*:8080"),
            ("Kestrel:Endpoints:plus:Url", "https://+:8443"),
            ("Kestrel:Endpoints:ephemeral:Url", "http://localhost:0"),
            ("Kestrel:Endpoints:nourl:Protocols", "Http1"));

        Assert.DoesNotThrow(builder.ValidateEndpointSettings);
    }

    [Test]
    public void No_kestrel_endpoints_pass()
    {
        Assert.DoesNotThrow(Builder().ValidateEndpointSettings);
    }
}
