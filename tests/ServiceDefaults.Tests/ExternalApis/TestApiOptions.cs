using Microsoft.Extensions.Hosting;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.ServiceDefaults.Tests.ExternalApis;

/// <summary>An external API as a service would declare one: the shared settings, plus an address checked by the API itself.</summary>
public sealed class TestApiOptions() : ExternalApiOptions(SectionName, timeoutSeconds: 5, maxRetries: 2, maxRetryAfterSeconds: 10)
{
    public const string SectionName = "TestApi";

    public string BaseUrl { get; set; } = "https://api.example.org";

    protected override SettingFailures Check(SettingFailures failures) => base.Check(failures).Url(nameof(BaseUrl), BaseUrl);
}
