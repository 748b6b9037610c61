using Microsoft.EntityFrameworkCore;
using Npgsql;
using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Search;

/// <summary>Each read on a connection of a context of its own, from the pool the catalog's contexts share.</summary>
public sealed class CatalogReads(IServiceScopeFactory scopes) : ICatalogReads
{
    public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> read, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ICatalogReads.InTransactionAsync(connection, read, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
