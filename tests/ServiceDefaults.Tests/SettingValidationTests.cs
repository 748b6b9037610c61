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

        var error = Assert.Throws<InvalidSettingException>(() => builder.ValidatePostgresConnectionString("catalogdb"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:catalogdb"));
    }

    [Test]
    public void A_good_postgres_connection_string_passes()
    {
        var builder = WithConnectionString("catalogdb", "Host=127.0.0.1;Port=25432;Username=postgres;Password=p;Database=catalogdb");

        Assert.DoesNotThrow(() => builder.ValidatePostgresConnectionString("catalogdb"));
    }

    [Test]
    public void A_missing_postgres_connection_string_names_it()
    {
        var error = Assert.Throws<InvalidSettingException>(() => Builder().ValidatePostgresConnectionString("catalogdb"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:catalogdb"));
    }

    [TestCase("abortConnect=false")]
    [TestCase("password=secret,ssl=false")]
    [TestCase("127.0.0.1:6379,connectTimeout=soon")]
    public void A_redis_connection_string_without_an_endpoint_or_unparseable_names_it(string value)
    {
        var builder = WithConnectionString("cache", value);

        var error = Assert.Throws<InvalidSettingException>(() => builder.ValidateRedisConnectionString("cache"));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:cache"));
    }

    [TestCase("127.0.0.1:26379")]
    [TestCase("127.0.0.1:26379,password=secret,abortConnect=false")]
    public void A_good_redis_connection_string_passes(string value)
    {
        Assert.DoesNotThrow(() => WithConnectionString("cache", value).ValidateRedisConnectionString("cache"));
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
