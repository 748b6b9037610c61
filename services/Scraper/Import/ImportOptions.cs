namespace RapAnalyzer.Scraper.Import;

public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>
    /// The largest body <c>POST /import</c> takes. The body is streamed through the import, never held or spooled, so
    /// this bounds how long one upload may run, not memory or disk; the default takes the public Genius dataset (a few GB).
    /// </summary>
    public long MaxUploadBytes { get; set; } = 20L * 1024 * 1024 * 1024;
}
