using System.Diagnostics.CodeAnalysis;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Scraping;

/// <summary>The rules of a scrape request, shared by the HTTP API and gRPC, which name the fields differently.</summary>
public static class ScrapeOrderValidation
{
    public const int MaxArtists = 20;
    public const int MaxArtistNameLength = 200;
    public const int MaxSongLimit = 500;
    public const int DefaultSongLimit = 20;

    public sealed record FieldNames(string Artists, string SongLimit)
    {
        public static readonly FieldNames Json = new("artists", "songLimit");
        public static readonly FieldNames Proto = new("artists", "song_limit");
    }

    public static bool TryCreate(IReadOnlyList<string?>? artists, int? songLimit, FieldNames fields,
        [NotNullWhen(true)] out ScrapeOrder? order, out Dictionary<string, string[]> errors)
    {
        errors = [];
        if (artists is null || artists.Count == 0)
        {
            errors[fields.Artists] = ["Name at least one artist."];
        }
        else if (artists.Count > MaxArtists)
        {
            errors[fields.Artists] = [$"At most {MaxArtists} artists a job; this request names {artists.Count}."];
        }
        else
        {
            for (var i = 0; i < artists.Count; i++)
            {
                // The rules every stored text meets: a name that could never be stored is not scraped for.
                var field = $"{fields.Artists}[{i}]";
                if (StorableText.Check(field, artists[i], MaxArtistNameLength, required: true) is { } rejection)
                {
                    errors[field] = [rejection.Message];
                }
            }
        }
        if (songLimit is < 1 or > MaxSongLimit)
        {
            errors[fields.SongLimit] = [$"The song limit must be between 1 and {MaxSongLimit}; it is {songLimit}."];
        }

        order = errors.Count == 0
            ? new ScrapeOrder(Distinct(artists!), songLimit ?? DefaultSongLimit)
            : null;
        return order is not null;
    }

    /// <summary>Names tidied ("  Kendrick   Lamar " is "Kendrick Lamar"), each artist once however it is spelled.</summary>
    private static List<string> Distinct(IReadOnlyList<string?> artists) =>
        [.. artists.Select(name => string.Join(' ', name!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .DistinctBy(ArtistIdentity.Key)];
}
