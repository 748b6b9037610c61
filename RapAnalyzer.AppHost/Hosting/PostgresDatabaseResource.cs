namespace RapAnalyzer.AppHost.Hosting;

public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource server)
    : IResourceWithConnectionString, IResourceWithParent
{
    public string Name { get; } = name;
    public string DatabaseName { get; } = databaseName;
    public PostgresServerResource Server { get; } = server;
    public IResource Parent => Server;

    public string GetConnectionString(IResourceAddressing addressing) =>
        $"Host={addressing.Host(Server)};Port={addressing.Port(Server, PostgresServerResource.Tcp)};" +
        $"Username={PostgresServerResource.UserName};Password={addressing.Secret(Server.PasswordSecret)};Database={DatabaseName}";
}
