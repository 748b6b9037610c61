namespace Microsoft.Extensions.Hosting;

/// <summary>The start-up check of the RabbitMQ connection string, naming the setting as the other settings' checks do.</summary>
public static class AmqpSettings
{
    public static Uri GetAmqpUri(this IHostApplicationBuilder builder, string name)
    {
        var value = builder.GetRequiredConnectionString(name);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps") || uri.Port is <= 0 or > 65535)
        {
            throw new InvalidSettingException($"ConnectionStrings:{name}", "must be an amqp:// URI with a host and a port, e.g. amqp://guest:guest@localhost:5672");
        }
        return uri;
    }
}
