namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>Artists and songs for the fake Genius; the lyrics are written for the tests.</summary>
public static class FakeGeniusData
{
    public static string LyricsPage(string lyricsHtml) =>
        $"""
        <!DOCTYPE html><html><head><title>Lyrics | Genius Lyrics</title></head><body>
        <div id="lyrics-root"><div data-lyrics-container="true" class="Lyrics__Container-sc-1ynbvzw-1">
        <div data-exclude-from-selection="true" class="LyricsHeader__Container">2 Contributors</div>{lyricsHtml}</div></div>
        </body></html>
        """;

    public static FakeSong Song(long id, string title) =>
        new(id, title, LyricsPage($"[Verse 1]<br>Line one of {title}<br>Line two of {title}"), ReleaseDate: "2015-03-15",
            ReleaseYear: 2015, Pageviews: 1000 + id);

    /// <summary>Seven songs, 101 to 107: three pages of <see cref="FakeGeniusServer.PageSize"/>.</summary>
    public static FakeArtist Kendrick() => new(1421, "Kendrick Lamar",
    [
        new FakeSong(101, "Paper Trail",
            LyricsPage("[Intro]<br>Yeah<br><br>[Verse 1: Kendrick Lamar &amp; Beyoncé]<br><a href=\"/1\"><span>Ink on the <i>page</i></span></a><br>Rhymes 🔥"),
            Album: "Test Album", ReleaseDate: "2017-04-14", ReleaseYear: 2017, Pageviews: 2_500_000),
        new FakeSong(102, "Year Only", LyricsPage("Just a year<br>No day"), ReleaseYear: 2012, Language: null),
        Song(103, "Third"),
        Song(104, "Fourth"),
        Song(105, "Fifth"),
        Song(106, "Sixth"),
        Song(107, "Seventh"),
    ]);

    /// <summary>Comes first in a search for "Kendrick Lamar", and is the wrong artist.</summary>
    public static FakeArtist TributeBand() => new(77, "Kendrick Lamar Tribute Band", [Song(201, "Cover One"), Song(202, "Cover Two")]);

    public static FakeArtist Nas() => new(56, "Nas", [Song(301, "Street Dreams Test"), Song(302, "One Mic Test")]);
}
