namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>A Postgres server given by <c>ConnectionStrings__{name}</c>: used as it is, never started.</summary>
public sealed class ConfiguredPostgresResource(string name, string connectionString) : Resource(name), IPostgresServerResource
{
    public List<string> Extensions { get; } = [];
    public List<PostgresDatabaseResource> Databases { get; } = [];
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{connectionString}");
}
