namespace RapAnalyzer.Enrichment.Spotify;

/// <summary>A song as enrichment knows it, to be found on Spotify.</summary>
public sealed record SpotifySong(string Title, string Artist)
{
    /// <summary>The same song however its title and artist are cased or spaced.</summary>
    public string Key => $"{Normalise(Title)}\n{Normalise(Artist)}";

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
