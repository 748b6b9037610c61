namespace RapAnalyzer.Testing.Fakes;

/// <summary>
/// The variables that point a run's services at fake external APIs, as the AppHost forwards them from its own
/// environment (<c>WithEnvironmentFromHost</c>).
/// </summary>
public static class FakeApiSettings
{
    public static Dictionary<string, string> For(FakeSpotifyServer spotify, FakeOpenAiServer openAi) => new()
    {
        ["Spotify__ClientId"] = FakeSpotifyServer.ClientId,
        ["Spotify__ClientSecret"] = FakeSpotifyServer.ClientSecret,
        ["Spotify__ApiBaseUrl"] = spotify.BaseUrl,
        ["Spotify__AccountsBaseUrl"] = spotify.BaseUrl,
        ["EmbeddingEndpoint__Url"] = openAi.ApiUrl,
        ["EmbeddingEndpoint__Model"] = FakeOpenAiServer.EmbeddingModel,
        ["EmbeddingEndpoint__ApiKey"] = FakeOpenAiServer.ApiKey,
    };
}
