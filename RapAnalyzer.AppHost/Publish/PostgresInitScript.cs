using System.Text;
using RapAnalyzer.AppHost.LocalServers;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// The SQL the postgres image runs from <c>/docker-entrypoint-initdb.d/</c> when it initialises an empty volume:
/// each database of the model, with the server's extensions in it.
/// </summary>
internal static class PostgresInitScript
{
    public const string FileName = "init.sql";

    public static string For(IPostgresServerResource server)
    {
        var script = new StringBuilder();
        foreach (var database in server.Databases)
        {
            script.Append($"CREATE DATABASE \"{database.DatabaseName.Replace("\"", "\"\"")}\";\n");
            script.Append($"\\c {database.DatabaseName}\n");
            foreach (var extension in server.Extensions)
            {
                script.Append($"CREATE EXTENSION IF NOT EXISTS {extension};\n");
            }
        }
        return script.ToString();
    }
}
