namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>Where each resource keeps its data below the run's data folder.</summary>
public static class DataPaths
{
    public static string Resource(string dataDirectory, string resource) => Path.Combine(dataDirectory, resource);

    /// <summary>
    /// Postgres runs as the postgres user, which must be able to reach its data folder. When the data folder's
    /// parents are closed to other users (a clone under /root, say), the cluster lives under /var/lib instead.
    /// </summary>
    public static string PostgresData(string dataDirectory, string resource)
    {
        var preferred = Path.Combine(dataDirectory, resource, "data");
        if (Environment.UserName != "root" || ParentsAreTraversable(dataDirectory))
        {
            return preferred;
        }
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(dataDirectory))))[..16];
        return Path.Combine("/var/lib/rapanalyzer", key, resource, "data");
    }

    private static bool ParentsAreTraversable(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            if (current.Exists && !current.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return false;
            }
        }
        return true;
    }
}
