using System.Net.Sockets;
using System.Text;
using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>redis-server from the machine's packages on a loopback port; a cache, so nothing is saved to disk.</summary>
public sealed class RedisRunner(RedisResource redis, LocalAddressing addressing, RunOptions options, ProcessLedger ledger) : IResourceRunner
{
    private ManagedProcess? _process;

    public IResource Resource => redis;
    public bool IsExternal => addressing.ConfiguredConnectionString(redis) is not null;
    public int Port => addressing.Port(redis, RedisResource.Tcp);
    public string Url => IsExternal ? "(configured server)" : $"redis://127.0.0.1:{Port}";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (IsExternal)
        {
            return;
        }
        var directory = DataPaths.Resource(options.DataDirectory, redis.Name);
        Directory.CreateDirectory(directory);
        var spec = new ProcessSpec("redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no", "--dir", directory],
            new Dictionary<string, string>(), directory);
        _process = new ManagedProcess(redis.Name, spec, options.Log, ledger, restartOnExit: false);
        _process.Start();
        await Readiness.WaitAsync(redis.Name, PingAsync, options.HealthTimeout, cancellationToken, () => _process.HasExited);
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
