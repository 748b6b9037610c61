using System.Collections.Concurrent;
using Npgsql;
using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>A local run: every endpoint on its own free loopback port, passwords from the data folder.</summary>
public sealed class LocalAddressing(PortAllocator ports, SecretStore secrets, RunOptions options) : IResourceAddressing
{
    private readonly ConcurrentDictionary<(string, string), int> _ports = new();

    public string BindHost => "127.0.0.1";

    public string Host(IResource resource) => "127.0.0.1";

    public int Port(IResource resource, EndpointSpec endpoint) =>
        _ports.GetOrAdd((resource.Name, endpoint.Name), _ =>
            ports.Allocate(resource.Name == "gateway" && endpoint.Name == "http" ? options.PreferredGatewayPort : 0));

    public string Secret(string name) => secrets.Get(name);

    /// <summary>The server configured for this resource (or, for a database, for its server), if any.</summary>
    public string? ConfiguredConnectionString(IResource resource) =>
        options.ConfiguredConnectionStrings.GetValueOrDefault(resource.Name);

    public string ConnectionString(IResourceWithConnectionString resource)
    {
        if (ConfiguredConnectionString(resource) is { } configured)
        {
            return configured;
        }
        if (resource is PostgresDatabaseResource database && ConfiguredConnectionString(database.Server) is { } server)
        {
            return new NpgsqlConnectionStringBuilder(server) { Database = database.DatabaseName }.ConnectionString;
        }
        return resource.GetConnectionString(this);
    }
}
