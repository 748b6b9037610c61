using Npgsql;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Reads of the catalog's database, each on a connection and in a transaction of its own (index settings are local
/// to it), so that the sides of a search can run at once on the server's cores.
/// </summary>
public interface ICatalogReads
{
    Task<T> ReadAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> read, CancellationToken cancellationToken);

    /// <summary>One read on an open connection, in a transaction begun for it and committed when it succeeds.</summary>
    static async Task<T> InTransactionAsync<T>(NpgsqlConnection connection, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> read,
        CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await read(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
