using Microsoft.Playwright;

namespace RapAnalyzer.Browser.Tests;

/// <summary>
/// Debian's chromium driven by Playwright (Playwright's own browser download is not served here), headless, with a
/// profile of its own and nothing that reaches beyond loopback.
/// </summary>
public sealed class DebianChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private DebianChromium(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<DebianChromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var profile = Directory.CreateTempSubdirectory("rapanalyzer-chromium-").FullName;
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            ViewportSize = new() { Width = 1600, Height = 1000 },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
        return new DebianChromium(playwright, context, profile);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
