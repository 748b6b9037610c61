using System.Globalization;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>
/// RabbitMQ from the machine's packages, every port on loopback, its node data in the data folder. The broker runs in
/// place of the start script (RUNNING_UNDER_SYSTEMD), so the stop signal reaches the Erlang VM, which stops gracefully.
/// </summary>
public sealed class LocalRabbitMQResource(string name, string directory, int port, int managementPort, ParameterResource password)
    : ExecutableResource(name, "/usr/lib/rabbitmq/bin/rabbitmq-server", directory), IResourceWithConnectionString
{
    public const string UserName = "rapanalyzer";
    public const string Image = "rabbitmq:3.10-management";
    public const int ContainerPort = 5672;
    public const int ContainerManagementPort = 15672;

    public string Directory => WorkingDirectory;
    public int Port => port;
    public int ManagementPort => managementPort;
    public ParameterResource Password => password;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"amqp://{UserName}:{Password}@127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
}
