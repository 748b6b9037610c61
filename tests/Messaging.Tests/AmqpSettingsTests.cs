using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Messaging.Tests;

/// <summary>The start-up check of the RabbitMQ connection string; a failure names the setting.</summary>
public class AmqpSettingsTests
{
    private static HostApplicationBuilder WithConnectionString(string name, string value)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new($"ConnectionStrings:{name}", value)]);
        return builder;
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
}
