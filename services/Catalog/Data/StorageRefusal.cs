using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace RapAnalyzer.Catalog.Data;

/// <summary>
/// Whether the database refused the data itself, which no retry changes: a value it cannot hold (too long, not
/// encodable), a broken constraint, a limit. A lost connection, a timeout or a concurrent insert of the same track is
/// not: storing again may well succeed.
/// </summary>
public static class StorageRefusal
{
    public static bool Is(Exception exception) => (exception is DbUpdateException { InnerException: { } inner } ? inner : exception) switch
    {
        PostgresException postgres => postgres.SqlState[..2] is "22" or "23" or "54" && postgres.SqlState != PostgresErrorCodes.UniqueViolation,
        EncoderFallbackException => true,
        _ => false,
    };
}
