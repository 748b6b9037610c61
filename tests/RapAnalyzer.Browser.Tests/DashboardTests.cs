using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.Testing.AppHost;

namespace RapAnalyzer.Browser.Tests;

/// <summary>
/// The operators' view: the whole system started by the AppHost with its Aspire dashboard over plain http on
/// loopback, as ./run.sh starts it, logged into with the browser token and looked at in a real browser.
/// </summary>
[TestFixture]
public sealed class DashboardTests
{
    private const string Dashboard = "aspire-dashboard";
    private static readonly TimeSpan PageTimeout = TimeSpan.FromMinutes(1);

    private DistributedApplication _app = null!;
    private string _dataDirectory = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("rapanalyzer-dashboard-").FullName;
        // Aspire.Hosting.Testing puts every endpoint, the dashboard's too, on a port of its own choosing.
        _app = await AppHostRun.StartAsync(_dataDirectory, configuration: new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://127.0.0.1:0",
            ["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true",
        }, log: TestLog.Write, dashboard: true);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        DataFolder.Wipe(_dataDirectory);
    }

    [Test]
    public async Task The_resources_page_lists_every_resource_running_and_healthy()
    {
        // What the resources page lists: the model less its parameters (a page of their own) and hidden resources.
        var expected = _app.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r is not ParameterResource && r.Name != Dashboard
                && _app.ResourceNotifications.TryGetCurrentState(r.Name, out var current) && !current.Snapshot.IsHidden)
            .Select(r => r.Name).Order().ToList();
        await using var browser = await DebianChromium.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        page.SetDefaultTimeout((float)PageTimeout.TotalMilliseconds);

        await page.GotoAsync(await LoginUrlAsync());
        await page.WaitForURLAsync(url => !url.Contains("/login"));
        var states = await ResourceStatesAsync(page, expected);

        var screenshot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "dashboard-resources.png");
        await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });
        TestContext.AddTestAttachment(screenshot, "The dashboard's resources page");
        Assert.That(states, Is.EquivalentTo(expected.ToDictionary(name => name, _ => "Running")),
            "Each resource's state as the dashboard shows it (an unhealthy one reads 'Running (Unhealthy)')");
        Assert.That(await page.GetByText("Unhealthy").CountAsync(), Is.Zero);
    }

    /// <summary>The login link the AppHost prints: the dashboard's address and the browser token it was started with.</summary>
    private async Task<string> LoginUrlAsync()
    {
        using var timeout = new CancellationTokenSource(PageTimeout);
        var dashboard = await _app.ResourceNotifications.WaitForResourceAsync(Dashboard,
            e => e.Snapshot.EnvironmentVariables.Any(v => v.Name == "DASHBOARD__FRONTEND__BROWSERTOKEN"), timeout.Token);
        var token = dashboard.Snapshot.EnvironmentVariables.Single(v => v.Name == "DASHBOARD__FRONTEND__BROWSERTOKEN").Value;
        return new Uri(_app.GetEndpoint(Dashboard, "http"), $"/login?t={token}").ToString();
    }

    /// <summary>
    /// The state column of each expected resource's row, once every one reads Running or the page timeout has passed
    /// (the grid fills in as the resource service streams its snapshots).
    /// </summary>
    private static async Task<Dictionary<string, string>> ResourceStatesAsync(IPage page, IReadOnlyList<string> expected)
    {
        await page.GetByText($"Showing {expected.Count} resources").WaitForAsync();
        var deadline = DateTime.UtcNow + PageTimeout;
        while (true)
        {
            var states = new Dictionary<string, string>();
            foreach (var row in await page.GetByRole(AriaRole.Row).AllAsync())
            {
                var cells = await row.GetByRole(AriaRole.Gridcell).AllInnerTextsAsync();
                if (cells.Count >= 2 && expected.Contains(cells[0].Trim()))
                {
                    // The cell's first line is the state; a count of error logs may follow it.
                    states[cells[0].Trim()] = cells[1].Split('\n')[0].Trim();
                }
            }
            if ((states.Count == expected.Count && states.Values.All(s => s == "Running")) || DateTime.UtcNow > deadline)
            {
                return states;
            }
            await Task.Delay(500);
        }
    }
}
