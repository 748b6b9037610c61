using Npgsql;
using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Testing.Search;

/// <summary>The catalog's reads as the tests and the benchmark make them: each on a connection of its data source, in its own transaction.</summary>
public sealed class DataSourceReads(NpgsqlDataSource database) : ICatalogReads
{
    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        return await ICatalogReads.InTransactionAsync(connection, read, cancellationToken);
    }
}
