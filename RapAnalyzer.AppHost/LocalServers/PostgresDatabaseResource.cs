namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>A database on a Postgres server, created (with the server's extensions) before anything that references it starts.</summary>
public sealed class PostgresDatabaseResource(string name, string databaseName, IPostgresServerResource parent)
    : Resource(name), IResourceWithParent<IPostgresServerResource>, IResourceWithConnectionString
{
    public string DatabaseName => databaseName;
    public IPostgresServerResource Parent => parent;

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create($"{Parent};Database={DatabaseName}");
}
