namespace RapAnalyzer.AppHost.Hosting;

public sealed class RabbitMQServerResource(string name) : IResourceWithConnectionString, IResourceWithEndpoints
{
    public const string UserName = "rapanalyzer";
    public const string Image = "rabbitmq:3.10-management";
    public static readonly EndpointSpec Tcp = new("tcp", "amqp", 5672);
    public static readonly EndpointSpec Management = new("management", "http", 15672);

    public string Name { get; } = name;
    public IReadOnlyList<EndpointSpec> Endpoints { get; } = [Tcp, Management];
    public string PasswordSecret => $"{Name}-password";

    public string GetConnectionString(IResourceAddressing addressing) =>
        $"amqp://{UserName}:{Uri.EscapeDataString(addressing.Secret(PasswordSecret))}@{addressing.Host(this)}:{addressing.Port(this, Tcp)}";
}
