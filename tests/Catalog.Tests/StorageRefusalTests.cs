using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RapAnalyzer.Catalog.Data;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>A refusal of the data itself fails only the tracks refused; a failure storing again may fix is retried.</summary>
public class StorageRefusalTests
{
    private static PostgresException Postgres(string sqlState) => new("refused", "ERROR", "ERROR", sqlState);

    private static DbUpdateException Saving(Exception inner) => new("An error occurred while saving the entity changes.", inner);

    [TestCase(PostgresErrorCodes.StringDataRightTruncation)]
    [TestCase(PostgresErrorCodes.CharacterNotInRepertoire)]
    [TestCase(PostgresErrorCodes.CheckViolation)]
    [TestCase(PostgresErrorCodes.NotNullViolation)]
    [TestCase(PostgresErrorCodes.ProgramLimitExceeded)]
    public void The_database_refusing_a_value_is_a_refusal(string sqlState)
    {
        Assert.That(StorageRefusal.Is(Saving(Postgres(sqlState))), Is.True);
    }

    [Test]
    public void Text_the_driver_cannot_encode_is_a_refusal()
    {
        Assert.That(StorageRefusal.Is(Saving(new EncoderFallbackException("lone surrogate"))), Is.True);
    }

    [TestCase(PostgresErrorCodes.UniqueViolation)]
    [TestCase(PostgresErrorCodes.SerializationFailure)]
    [TestCase(PostgresErrorCodes.AdminShutdown)]
    [TestCase(PostgresErrorCodes.ConnectionFailure)]
    public void A_failure_that_storing_again_may_fix_is_no_refusal(string sqlState)
    {
        Assert.That(StorageRefusal.Is(Saving(Postgres(sqlState))), Is.False);
    }

    [Test]
    public void A_lost_connection_or_a_timeout_is_no_refusal()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StorageRefusal.Is(new NpgsqlException("connection lost")), Is.False);
            Assert.That(StorageRefusal.Is(new TimeoutException()), Is.False);
            Assert.That(StorageRefusal.Is(new InvalidOperationException("retry limit exceeded", new NpgsqlException())), Is.False);
        });
    }
}
