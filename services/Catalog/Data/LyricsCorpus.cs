using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Data;

/// <summary>
/// The stored lyrics in pages by track id, for services that index the corpus (the generator's line index): a page
/// starts after the last id of the one before, so a reader that pages through sees each track once while tracks arrive.
/// </summary>
public sealed class LyricsCorpus(CatalogDbContext db)
{
    public const int DefaultPageSize = 500;
    public const int MaxPageSize = 1000;

    public IAsyncEnumerable<CorpusTrack> PageAsync(Guid? after, int pageSize, string? artist)
    {
        var tracks = db.Tracks.AsNoTracking();
        if (after is { } last)
        {
            tracks = tracks.Where(t => t.Id > last);
        }
        if (!string.IsNullOrWhiteSpace(artist))
        {
            var key = ArtistIdentity.Key(artist);
            tracks = tracks.Where(t => t.Artist!.NormalizedName == key);
        }
        return tracks.OrderBy(t => t.Id).Take(pageSize)
            .Select(t => new CorpusTrack(t.Id, t.Artist!.Name, t.Lyrics, t.ContentHash))
            .AsAsyncEnumerable();
    }
}

public sealed record CorpusTrack(Guid Id, string Artist, string Lyrics, string ContentHash);
