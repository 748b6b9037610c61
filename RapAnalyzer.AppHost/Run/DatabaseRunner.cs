using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>A database is created by its server's runner; it is ready as soon as its server is.</summary>
public sealed class DatabaseRunner(PostgresDatabaseResource database) : IResourceRunner
{
    public IResource Resource => database;
    public bool IsExternal => false;
    public string Url => $"database '{database.DatabaseName}' on {database.Server.Name}";

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
