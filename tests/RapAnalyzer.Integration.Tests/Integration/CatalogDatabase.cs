using Npgsql;

namespace RapAnalyzer.Integration.Tests;

/// <summary>The test Postgres's catalogdb, for what a test sets up or reads behind the catalog's back.</summary>
public static class CatalogDatabase
{
    public static string ConnectionString =>
        new NpgsqlConnectionStringBuilder(TestInfrastructure.ConnectionString("postgres")) { Database = "catalogdb" }.ConnectionString;

    public static async Task ExecuteAsync(string sql)
    {
        await using var database = NpgsqlDataSource.Create(ConnectionString);
        await using var command = database.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var database = NpgsqlDataSource.Create(ConnectionString);
        await using var command = database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
