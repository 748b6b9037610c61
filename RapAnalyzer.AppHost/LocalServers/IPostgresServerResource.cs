namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>A Postgres server the app model creates databases on: one it starts, or one it was given a connection string for.</summary>
public interface IPostgresServerResource : IResourceWithConnectionString
{
    List<string> Extensions { get; }
    List<PostgresDatabaseResource> Databases { get; }
}
