using RabbitMQ.Client;
using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>
/// RabbitMQ from the machine's packages with its own epmd, every port on loopback, and its node data below
/// the data folder. The broker runs in place of the start script (RUNNING_UNDER_SYSTEMD) so SIGTERM reaches
/// the Erlang VM, which stops gracefully.
/// </summary>
public sealed class RabbitMQRunner(RabbitMQServerResource rabbit, LocalAddressing addressing, PortAllocator ports, RunOptions options,
    ProcessLedger ledger) : IResourceRunner
{
    private ManagedProcess? _epmd;
    private ManagedProcess? _broker;
    private ProcessSpec? _brokerSpec;

    public IResource Resource => rabbit;
    public bool IsExternal => addressing.ConfiguredConnectionString(rabbit) is not null;
    public string Url => IsExternal
        ? "(configured server)"
        : $"amqp://127.0.0.1:{addressing.Port(rabbit, RabbitMQServerResource.Tcp)} (management http://127.0.0.1:{addressing.Port(rabbit, RabbitMQServerResource.Management)})";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsExternal)
        {
            var directory = DataPaths.Resource(options.DataDirectory, rabbit.Name);
            Directory.CreateDirectory(directory);
            var epmdPort = ports.Allocate();
            var environment = BrokerEnvironment(directory, epmdPort);
            await WriteConfigurationAsync(directory, cancellationToken);

            _epmd = new ManagedProcess($"{rabbit.Name}-epmd", new ProcessSpec("epmd", ["-port", epmdPort.ToString(), "-address", "127.0.0.1"],
                environment, directory), options.Log, ledger, restartOnExit: false);
            _epmd.Start();
            _brokerSpec = new ProcessSpec("/usr/lib/rabbitmq/bin/rabbitmq-server", [], environment, directory);
            _broker = new ManagedProcess(rabbit.Name, _brokerSpec, options.Log, ledger, restartOnExit: false);
            _broker.Start();
        }
        await Readiness.WaitAsync(rabbit.Name, CanConnectAsync, options.HealthTimeout, cancellationToken, () => _broker?.HasExited == true);
    }

    /// <summary>
    /// Stops the broker and starts it again on the same ports and data, as an operator's restart would;
    /// durable queues and persistent messages survive it.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (_broker is null || _brokerSpec is null)
        {
            throw new InvalidOperationException($"{rabbit.Name} is a configured server; the AppHost did not start it and cannot restart it.");
        }
        await _broker.DisposeAsync();
        _broker = new ManagedProcess(rabbit.Name, _brokerSpec, options.Log, ledger, restartOnExit: false);
        _broker.Start();
        await Readiness.WaitAsync(rabbit.Name, CanConnectAsync, options.HealthTimeout, cancellationToken, () => _broker.HasExited);
    }

    private Dictionary<string, string> BrokerEnvironment(string directory, int epmdPort) => new()
    {
        ["HOME"] = directory,
        ["RABBITMQ_NODENAME"] = "rapanalyzer@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = addressing.Port(rabbit, RabbitMQServerResource.Tcp).ToString(),
        ["RABBITMQ_DIST_PORT"] = ports.Allocate().ToString(),
        ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RUNNING_UNDER_SYSTEMD"] = "true",
        // Without the start script's signal handling, a SIGINT would open the Erlang break menu and hang the node.
        ["RABBITMQ_SERVER_START_ARGS"] = "+B i",
    };

    private async Task WriteConfigurationAsync(string directory, CancellationToken cancellationToken)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[rabbitmq_management].\n", cancellationToken);
        // default_user/default_pass only take effect when the node's database is created; the password is kept
        // in the data folder's secrets, so it stays the same across runs.
        await File.WriteAllLinesAsync(Path.Combine(directory, "rabbitmq.conf"),
        [
            $"default_user = {RabbitMQServerResource.UserName}",
            $"default_pass = {addressing.Secret(rabbit.PasswordSecret)}",
            "management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {addressing.Port(rabbit, RabbitMQServerResource.Management)}",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
        ], cancellationToken);
    }

    private async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            Uri = new Uri(addressing.ConnectionString(rabbit)),
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
        };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        return connection.IsOpen;
    }

    public async ValueTask DisposeAsync()
    {
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
        if (_epmd is not null)
        {
            await _epmd.DisposeAsync();
        }
    }
}
