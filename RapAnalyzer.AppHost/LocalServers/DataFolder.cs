namespace RapAnalyzer.AppHost.LocalServers;

public static class DataFolder
{
    /// <summary>The data folder of the repository the AppHost was built from: `.apphost/` beside the solution.</summary>
    public static string Default()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RapAnalyzer.sln")))
            {
                return Path.Combine(directory.FullName, ".apphost");
            }
        }
        return Path.Combine(Environment.CurrentDirectory, ".apphost");
    }

    /// <summary>Deletes the data folder, and the Postgres cluster kept outside it when it had to be.</summary>
    public static void Wipe(string dataDirectory)
    {
        foreach (var resource in Directory.Exists(dataDirectory) ? Directory.GetDirectories(dataDirectory) : [])
        {
            var outside = DataPaths.PostgresData(dataDirectory, Path.GetFileName(resource));
            if (!outside.StartsWith(dataDirectory, StringComparison.Ordinal) && Directory.Exists(outside))
            {
                Directory.Delete(outside, recursive: true);
            }
        }
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
