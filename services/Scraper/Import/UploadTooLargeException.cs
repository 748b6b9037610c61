namespace RapAnalyzer.Scraper.Import;

public sealed class UploadTooLargeException(long maxBytes)
    : Exception($"the upload is larger than {ImportOptions.SectionName}:MaxUploadBytes ({maxBytes} bytes)");
