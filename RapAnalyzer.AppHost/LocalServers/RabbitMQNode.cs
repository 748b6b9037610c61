namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>The environment and configuration files of a local RabbitMQ node.</summary>
public static class RabbitMQNode
{
    public static Dictionary<string, string> Environment(LocalRabbitMQResource rabbit, int distributionPort, int epmdPort) => new()
    {
        ["HOME"] = rabbit.Directory,
        ["RABBITMQ_NODENAME"] = "rapanalyzer@localhost",
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = rabbit.Port.ToString(),
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
        ["ERL_EPMD_PORT"] = epmdPort.ToString(),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(rabbit.Directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(rabbit.Directory, "log"),
        ["RABBITMQ_LOGS"] = "-",
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(rabbit.Directory, "enabled_plugins"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(rabbit.Directory, "rabbitmq.conf"),
        ["RUNNING_UNDER_SYSTEMD"] = "true",
        // Without the start script's signal handling, a SIGINT would open the Erlang break menu and hang the node.
        ["RABBITMQ_SERVER_START_ARGS"] = "+B i",
    };

    public static async Task WriteConfigurationAsync(LocalRabbitMQResource rabbit, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(rabbit.Directory);
        await File.WriteAllTextAsync(Path.Combine(rabbit.Directory, "enabled_plugins"), "[rabbitmq_management].\n", cancellationToken);
        // default_user/default_pass only take effect when the node's database is created; the password is persisted in
        // the data folder, so it stays the same across runs.
        await File.WriteAllLinesAsync(Path.Combine(rabbit.Directory, "rabbitmq.conf"),
        [
            $"default_user = {LocalRabbitMQResource.UserName}",
            $"default_pass = {await rabbit.Password.GetValueAsync(cancellationToken)}",
            "management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {rabbit.ManagementPort}",
            "log.console = true",
            "log.console.level = warning",
            "log.file = false",
        ], cancellationToken);
    }
}
