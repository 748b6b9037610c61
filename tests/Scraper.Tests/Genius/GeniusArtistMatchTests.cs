using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Testing;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>
/// Which Genius artist a scrape of a name asked for reads: the one of that name however it is spelled, never one of a
/// like name that Genius search returns first.
/// </summary>
public class GeniusArtistMatchTests
{
    private static async Task<GeniusArtist?> SearchAsync(string asked, params string[] geniusNames)
    {
        var artists = geniusNames.Select((name, i) => new FakeArtist(i + 1, name, [FakeGeniusData.Song(100 + i, $"Song {i}")])).ToArray();
        await using var server = await FakeGeniusServer.StartAsync(artists);
        await using var services = GeniusTestServices.Create(server);
        return await services.GetRequiredService<GeniusClient>().SearchArtistAsync(asked);
    }

    [TestCaseSource(typeof(ArtistSpellings), nameof(ArtistSpellings.SameArtistPairs))]
    public async Task The_artist_is_found_however_the_name_asked_for_spells_it(string geniusName, string asked)
    {
        // The tribute band's longer name is the first hit.
        var artist = await SearchAsync(asked, geniusName, $"{geniusName} Tribute Band");

        Assert.That(artist, Is.EqualTo(new GeniusArtist(1, geniusName)));
    }

    [TestCaseSource(typeof(ArtistSpellings), nameof(ArtistSpellings.DifferentArtistPairs))]
    public async Task An_artist_of_a_like_name_is_not_taken_for_the_one_asked_for(string asked, string other)
    {
        var onlyTheOther = await SearchAsync(asked, other);
        var both = await SearchAsync(asked, asked, other);

        Assert.Multiple(() =>
        {
            Assert.That(onlyTheOther, Is.Null);
            Assert.That(both, Is.EqualTo(new GeniusArtist(1, asked)));
        });
    }
}
