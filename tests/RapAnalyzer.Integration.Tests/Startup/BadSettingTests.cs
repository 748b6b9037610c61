namespace RapAnalyzer.Integration.Tests.Startup;

/// <summary>A service given a bad setting refuses to start and names the setting.</summary>
[TestFixture]
public sealed class BadSettingTests
{
    private static readonly Dictionary<string, string> Valid = new()
    {
        ["ConnectionStrings__catalogdb"] = "Host=127.0.0.1;Port=5432;Username=postgres;Password=x;Database=catalogdb",
        ["ConnectionStrings__cache"] = "127.0.0.1:6379",
        ["ConnectionStrings__messaging"] = "amqp://guest:guest@127.0.0.1:5672",
        ["Kestrel__Endpoints__http__Url"] = "http://127.0.0.1:0",
    };

    private static Dictionary<string, string> With(string name, string value) => new(Valid) { [name] = value };

    [TestCase("catalog", "ConnectionStrings__catalogdb", "Host=127.0.0.1;Port=notaport", "ConnectionStrings:catalogdb")]
    [TestCase("catalog", "ConnectionStrings__catalogdb", "", "ConnectionStrings:catalogdb")]
    [TestCase("catalog", "Search__IndexBuildMemory", "lots", "Search:IndexBuildMemory")]
    [TestCase("catalog", "Search__FrequentWordShare", "0", "FrequentWordShare")]
    [TestCase("scraper", "ConnectionStrings__cache", ",,,", "ConnectionStrings:cache")]
    [TestCase("scraper", "ConnectionStrings__messaging", "http://127.0.0.1:5672", "ConnectionStrings:messaging")]
    [TestCase("scraper", "Import__MaxUploadBytes", "0", "Import:MaxUploadBytes")]
    [TestCase("trends", "ConnectionStrings__messaging", "amqp://127.0.0.1:99999", "ConnectionStrings:messaging")]
    [TestCase("quality", "Kestrel__Endpoints__http__Url", "http://127.0.0.1:99999", "Kestrel:Endpoints:http:Url")]
    [TestCase("inference", "Llm__Endpoint", "ftp://models.example/v1", "Llm:Endpoint")]
    [TestCase("inference", "Llm__TimeoutSeconds", "0", "Llm:TimeoutSeconds")]
    [TestCase("enrichment", "EmbeddingEndpoint__Url", "ftp://models.example/v1", "EmbeddingEndpoint:Url")]
    [TestCase("enrichment", "Spotify__ClientId", "only-the-id", "Spotify:ClientId")]
    public async Task Refuses_to_start_and_names_the_setting(string service, string variable, string value, string setting)
    {
        var output = await ServiceProcess.RunToFailureAsync(service, With(variable, value));
        Assert.That(output, Does.Contain(setting));
    }
}
