namespace RapAnalyzer.Scraper.Tests;

/// <summary>A clock a test moves by hand, to cross a time-to-live or a lease timeout without waiting for it.</summary>
public sealed class ManualClock : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
