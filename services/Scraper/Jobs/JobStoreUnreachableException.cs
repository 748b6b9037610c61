namespace RapAnalyzer.Scraper.Jobs;

/// <summary>A job another instance runs cannot be read while Redis is unreachable: it is unknown, not missing.</summary>
public sealed class JobStoreUnreachableException(Exception? inner = null)
    : Exception("Redis is unreachable, so jobs run by other scraper instances cannot be read; try again shortly.", inner);
