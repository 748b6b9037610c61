using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>
/// What the local servers of one AppHost share: the data folder they keep between runs (<c>LocalServers:DataDirectory</c>,
/// default <c>.apphost/</c> beside the solution; wiped first when <c>LocalServers:Fresh</c> is true), their persisted
/// passwords, the loopback ports handed out to them, and the local Postgres's <c>shared_buffers</c>
/// (<c>LocalServers:PostgresSharedBuffers</c>).
/// </summary>
public sealed partial class LocalServerSettings
{
    /// <summary>
    /// Postgres's buffer pool unless configured: search's HNSW scans touch index pages all over a graph (the line signs'
    /// is 759 MB at 57,718 tracks), and each one outside the pool is copied in from the kernel's cache, evicting another
    /// (README, search benchmark). Postgres maps it at start but the kernel gives it memory only as pages are used.
    /// </summary>
    public const string DefaultSharedBuffers = "2GB";

    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, LocalServerSettings> ByBuilder = new();

    private LocalServerSettings(string dataDirectory, string sharedBuffers)
    {
        DataDirectory = dataDirectory;
        PostgresSharedBuffers = sharedBuffers;
        Secrets = new SecretStore(Path.Combine(dataDirectory, "secrets.json"));
    }

    public string DataDirectory { get; }
    public SecretStore Secrets { get; }
    public LoopbackPorts Ports { get; } = new();
    public string PostgresSharedBuffers { get; }

    public static LocalServerSettings Of(IDistributedApplicationBuilder builder) => ByBuilder.GetValue(builder, Create);

    private static LocalServerSettings Create(IDistributedApplicationBuilder builder)
    {
        var dataDirectory = Path.GetFullPath(builder.Configuration["LocalServers:DataDirectory"] ?? DataFolder.Default());
        if (builder.ExecutionContext.IsRunMode && builder.Configuration.GetValue<bool>("LocalServers:Fresh"))
        {
            DataFolder.Wipe(dataDirectory);
        }
        var sharedBuffers = builder.Configuration["LocalServers:PostgresSharedBuffers"] ?? DefaultSharedBuffers;
        if (!PostgresMemory().IsMatch(sharedBuffers))
        {
            throw new InvalidOperationException(
                $"LocalServers:PostgresSharedBuffers '{sharedBuffers}' must be a Postgres memory size such as 256MB or 2GB.");
        }
        return new LocalServerSettings(dataDirectory, sharedBuffers);
    }

    [GeneratedRegex(PostgresMemorySize.Pattern)]
    private static partial Regex PostgresMemory();
}
