using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Data;

public sealed class ArtistQueries(CatalogDbContext db)
{
    public async Task<ArtistDetails?> GetArtistAsync(string name, CancellationToken cancellationToken)
    {
        var key = ArtistIdentity.Key(name);
        var artist = await db.Artists.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedName == key, cancellationToken);
        if (artist is null)
        {
            return null;
        }
        var tracks = db.Tracks.AsNoTracking().Where(t => t.ArtistId == artist.Id);
        var stats = await tracks
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.LongCount(), First = g.Min(t => t.Year), Last = g.Max(t => t.Year) })
            .FirstAsync(cancellationToken);
        var enriched = await tracks.CountAsync(t => t.Features != null, cancellationToken);

        // Career order: the first 35,000 words are the earliest ones. Only enough tracks are read to reach them.
        var words = tracks
            .Where(t => t.Features != null)
            .OrderBy(t => t.Year == null).ThenBy(t => t.Year).ThenBy(t => t.ReleaseDate).ThenBy(t => t.StoredAt)
            .Select(t => t.Features!.ArtistWords)
            .AsAsyncEnumerable();
        var vocabulary = Vocabulary.UniqueWordsInFirst(await TakeWordsAsync(words, Vocabulary.DanielsWordCount, cancellationToken));

        return new ArtistDetails(artist.Name, stats.Count, enriched, stats.First, stats.Last, vocabulary);
    }

    private static async Task<List<string>> TakeWordsAsync(IAsyncEnumerable<string[]> tracks, int count, CancellationToken cancellationToken)
    {
        var words = new List<string>(count);
        await foreach (var trackWords in tracks.WithCancellation(cancellationToken))
        {
            words.AddRange(trackWords.Take(count - words.Count));
            if (words.Count == count)
            {
                break;
            }
        }
        return words;
    }
}

public sealed record ArtistDetails(string Name, long Tracks, int EnrichedTracks, int? FirstYear, int? LastYear, VocabularyFigure Vocabulary);
