using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>
/// What the local servers of one AppHost share: the data folder they keep between runs (<c>LocalServers:DataDirectory</c>,
/// default <c>.apphost/</c> beside the solution; wiped first when <c>LocalServers:Fresh</c> is true), their persisted
/// passwords and the loopback ports handed out to them.
/// </summary>
public sealed class LocalServerSettings
{
    private static readonly ConditionalWeakTable<IDistributedApplicationBuilder, LocalServerSettings> ByBuilder = new();

    private LocalServerSettings(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Secrets = new SecretStore(Path.Combine(dataDirectory, "secrets.json"));
    }

    public string DataDirectory { get; }
    public SecretStore Secrets { get; }
    public LoopbackPorts Ports { get; } = new();

    public static LocalServerSettings Of(IDistributedApplicationBuilder builder) => ByBuilder.GetValue(builder, Create);

    private static LocalServerSettings Create(IDistributedApplicationBuilder builder)
    {
        var dataDirectory = Path.GetFullPath(builder.Configuration["LocalServers:DataDirectory"] ?? DataFolder.Default());
        if (builder.ExecutionContext.IsRunMode && builder.Configuration.GetValue<bool>("LocalServers:Fresh"))
        {
            DataFolder.Wipe(dataDirectory);
        }
        return new LocalServerSettings(dataDirectory);
    }
}
