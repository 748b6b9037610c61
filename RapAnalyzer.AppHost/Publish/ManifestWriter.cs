using System.Text;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// Writes the generated files into one folder (unchanged files are left untouched) and deletes the <c>*.yaml</c>
/// files there that are no longer generated; anything else in the folder is kept.
/// </summary>
internal static class ManifestWriter
{
    public static IReadOnlyList<string> Write(string directory, IReadOnlyDictionary<string, string> files)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(directory, name);
            var bytes = Encoding.UTF8.GetBytes(content);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                File.WriteAllBytes(path, bytes);
            }
        }

        foreach (var stale in Directory.EnumerateFiles(directory, "*.yaml")
                     .Where(path => Path.GetExtension(path) == ".yaml" && !files.ContainsKey(Path.GetFileName(path))))
        {
            File.Delete(stale);
        }
        return [.. files.Keys.Order(StringComparer.Ordinal)];
    }
}
