namespace RapAnalyzer.Contracts;

/// <summary>
/// A Postgres memory setting as this project writes it (<c>shared_buffers</c>, <c>maintenance_work_mem</c>): a whole
/// number of kB, MB or GB, which Postgres reads as it is.
/// </summary>
public static class PostgresMemorySize
{
    public const string Pattern = "^[1-9][0-9]{0,5}(kB|MB|GB)$";
}
