using System.Globalization;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>Postgres 15 from the machine's packages, run by the AppHost on a loopback port with its cluster in the data folder.</summary>
public sealed class LocalPostgresResource(string name, string command, string dataDirectory, int port,
    ParameterResource password) : ExecutableResource(name, command, Path.GetDirectoryName(dataDirectory)!), IPostgresServerResource
{
    public const string UserName = "postgres";
    public const string Image = "pgvector/pgvector:0.8.0-pg15";
    public const int ContainerPort = 5432;
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    public string DataDirectory => dataDirectory;
    public int Port => port;
    public ParameterResource Password => password;
    public List<string> Extensions { get; } = [];
    public List<PostgresDatabaseResource> Databases { get; } = [];

    /// <summary>The user the server runs as: postgres when the AppHost is root, the AppHost's own user otherwise.</summary>
    public static string? RunAs => Environment.UserName == "root" ? "postgres" : null;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username={UserName};Password={Password}");
}
