namespace RapAnalyzer.AppHost.Hosting;

public sealed class PostgresServerResource(string name) : IResourceWithEndpoints
{
    public const string UserName = "postgres";
    public const string Image = "pgvector/pgvector:0.8.0-pg15";
    public static readonly EndpointSpec Tcp = new("tcp", "tcp", 5432);

    public string Name { get; } = name;
    public IReadOnlyList<EndpointSpec> Endpoints { get; } = [Tcp];
    public List<PostgresDatabaseResource> Databases { get; } = [];
    public List<string> Extensions { get; } = [];
    public string PasswordSecret => $"{Name}-password";
}
