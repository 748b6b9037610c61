using RapAnalyzer.Scraper.Genius;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>Lyrics out of song pages shaped like Genius's: containers, furniture inside them, ads between them.</summary>
public class LyricsPageExtractorTests
{
    private static string Page(string body) =>
        $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Test Artist – Paper Trail Lyrics | Genius Lyrics</title>
          <script>window.__PRELOADED_STATE__ = JSON.parse('{"lyrics":"[Verse] not from here<br>"}');</script>
          <style>.Lyrics__Container { font-size: 1rem; }</style>
        </head>
        <body>
          <div class="SongHeaderdesktop__Title"><h1>Paper Trail</h1></div>
          <div id="lyrics-root" class="Lyrics__Root-sc-1ynbvzw-0">
            {{body}}
          </div>
          <div class="LyricsFooter__Container">Lyrics licensed by nobody. About "Paper Trail": a song written for a test.</div>
        </body>
        </html>
        """;

    private const string FullSong =
        """
        <div data-lyrics-container="true" class="Lyrics__Container-sc-1ynbvzw-1 kUgSbL">
          <div data-exclude-from-selection="true" class="LyricsHeader__Container-sc-5e4b7146-1 hFsUgd">
            <div class="ContributorsCreditSong__Container"><span>12 Contributors</span></div>
            <div class="LyricsHeader__TranslationsContainer"><span>Translations</span><span>Français</span></div>
            <h2 class="LyricsHeader__Title-sc-5e4b7146-8">Paper Trail Lyrics</h2>
          </div>
          <div data-exclude-from-selection="true" class="SongBioPreview__Container-sc-d13d64be-0">
            <span>“Paper Trail” is the opening track of the album…</span><span class="ReadMore__Container">Read More&nbsp;</span>
          </div>
          [Intro: Test Artist]<br>Yeah, uh<br><br>[Verse 1: Test Artist]<br><a href="/123/Test-artist-paper-trail/Started-with-a-pen" class="ReferentFragment-desktop__ClickTarget-sc-110r0d9-0 jAzSMw"><span class="ReferentFragment-desktop__Highlight-sc-110r0d9-1 jAzSMw">Started with a pen and a <i>page</i> that was blank<br>Now the ink run deep like a river bank</span></a><br>Counting every <b>word</b> like it's money in the bank
        </div>
        <div data-exclude-from-selection="true" class="InreadContainer__Container-sc-b078f4f0-0">
          <div class="InreadAd__Container">ADVERTISEMENT</div><div class="PrimisPlayer__Container">Video</div>
        </div>
        <div data-lyrics-container="true" class="Lyrics__Container-sc-1ynbvzw-1 kUgSbL">
          <br>[Chorus: Test Artist &amp; Beyoncé]<br>Paper trail, paper trail (<i>Trail</i>)<br>Follow me to the <a href="/456"><span>top of the hill</span></a><br><br><br><br>[Outro]<br>That's it 🔥
        </div>
        """;

    [Test]
    public void A_whole_page_gives_the_lyrics_with_sections_and_nothing_else()
    {
        var lyrics = LyricsPageExtractor.Extract(Page(FullSong));

        Assert.That(lyrics, Is.EqualTo(
            """
            [Intro: Test Artist]
            Yeah, uh

            [Verse 1: Test Artist]
            Started with a pen and a page that was blank
            Now the ink run deep like a river bank
            Counting every word like it's money in the bank

            [Chorus: Test Artist & Beyoncé]
            Paper trail, paper trail (Trail)
            Follow me to the top of the hill

            [Outro]
            That's it 🔥
            """.ReplaceLineEndings("\n")));
    }

    [Test]
    public void Nothing_outside_the_containers_gets_in()
    {
        var lyrics = LyricsPageExtractor.Extract(Page(FullSong))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lyrics, Does.Not.Contain("Contributors"));
            Assert.That(lyrics, Does.Not.Contain("Translations"));
            Assert.That(lyrics, Does.Not.Contain("Read More"));
            Assert.That(lyrics, Does.Not.Contain("opening track"));
            Assert.That(lyrics, Does.Not.Contain("ADVERTISEMENT"));
            Assert.That(lyrics, Does.Not.Contain("Video"));
            Assert.That(lyrics, Does.Not.Contain("not from here"));
            Assert.That(lyrics, Does.Not.Contain("licensed"));
            Assert.That(lyrics, Does.Not.Contain("Paper Trail Lyrics"));
        }
    }

    [Test]
    public void Ads_and_furniture_inside_a_container_are_dropped_but_the_lines_around_them_stay()
    {
        var html = Page(
            """
            <div data-lyrics-container="true">First line<br>
              <div class="InreadAd__Container-sc-1 x"><span>Sponsored</span></div>
              <div data-exclude-from-selection="true"><a href="/annotation">12 annotations</a></div>
              <div class="SidebarAd__Container">Buy now</div>
              <script>track("lyrics")</script>
              <button>Share</button>
              <img alt="cover art"><svg><text>icon</text></svg>
              Second line
            </div>
            """);

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("First line\nSecond line"));
    }

    [TestCase("<br>")]
    [TestCase("<br/>")]
    [TestCase("<br />")]
    [TestCase("<BR>")]
    public void Every_spelling_of_br_breaks_the_line(string br)
    {
        var html = Page($"""<div data-lyrics-container="true">One{br}Two{br}Three</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("One\nTwo\nThree"));
    }

    [Test]
    public void Nested_links_and_formatting_are_flattened_to_their_text()
    {
        var html = Page(
            """
            <div data-lyrics-container="true"><a href="/1"><span class="ReferentFragment"><i>Italic</i> and <b>bold <i>both</i></b></span></a> <span><span>deep</span></span><br><a href="/2"><span>link one<br>link two</span></a></div>
            """);

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("Italic and bold both deep\nlink one\nlink two"));
    }

    [Test]
    public void Words_split_across_tags_are_not_split_by_spaces()
    {
        var html = Page("""<div data-lyrics-container="true">un<b>be</b><i>liev</i>able</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("unbelievable"));
    }

    [Test]
    public void Entities_are_decoded()
    {
        var html = Page(
            """<div data-lyrics-container="true">Rock &amp; roll, &quot;quotes&quot;, it&#39;s, caf&eacute;, &#x1F525;, a&nbsp;&nbsp;b, &lt;tag&gt;</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("Rock & roll, \"quotes\", it's, café, 🔥, a b, <tag>"));
    }

    [Test]
    public void Unicode_survives_and_is_composed()
    {
        // "Beyonce" + U+0301 (combining acute) is the decomposed spelling of "Beyoncé".
        var html = Page("<div data-lyrics-container=\"true\">Beyonce\u0301 and Beyoncé 💯🔥<br>Привет, 世界, ñandú, 👩🏽‍🎤</div>");

        var lyrics = LyricsPageExtractor.Extract(html);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lyrics, Is.EqualTo("Beyoncé and Beyoncé 💯🔥\nПривет, 世界, ñandú, 👩🏽‍🎤"));
            Assert.That(lyrics!.Split(' ')[0], Is.EqualTo("Beyoncé").And.Length.EqualTo(7));
        }
    }

    [Test]
    public void Whitespace_is_normalised_line_by_line()
    {
        var html = Page(
            """
            <div data-lyrics-container="true">
                    Indented    in the   source
                    and wrapped
               <br>  trailing spaces   <br>	tab	separated	words
            </div>
            """);

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("Indented in the source and wrapped\ntrailing spaces\ntab separated words"));
    }

    [Test]
    public void Runs_of_blank_lines_become_one_and_none_lead_or_trail()
    {
        var html = Page("""<div data-lyrics-container="true"><br><br>one<br><br><br><br><br>two<br> <br>&nbsp;<br>three<br><br><br></div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("one\n\ntwo\n\nthree"));
    }

    [Test]
    public void A_section_header_gets_its_own_line_and_one_blank_line_before_it()
    {
        var html = Page(
            """<div data-lyrics-container="true">[Verse 1: A]<br><br>line a<br>[Chorus]<br>line b<br><br><br>[Verse 2: B &amp; C] line c<br>[Bridge]</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("[Verse 1: A]\nline a\n\n[Chorus]\nline b\n\n[Verse 2: B & C]\nline c\n\n[Bridge]"));
    }

    [Test]
    public void A_header_inside_a_link_or_bold_is_still_a_header()
    {
        var html = Page("""<div data-lyrics-container="true">intro line<br><b>[Hook: <a href="/artists/x">Someone</a>]</b><br>hook line</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("intro line\n\n[Hook: Someone]\nhook line"));
    }

    [Test]
    public void Brackets_that_are_lyrics_are_not_taken_for_headers()
    {
        var html = Page("""<div data-lyrics-container="true">I got the [?] in my pocket<br>[?] said the man<br>Keep it (ad-lib)</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("I got the [?] in my pocket\n[?] said the man\nKeep it (ad-lib)"));
    }

    [Test]
    public void Containers_are_joined_in_page_order_with_a_line_break()
    {
        var html = Page(
            """
            <div data-lyrics-container="true">first<br>second</div>
            <aside class="RightSidebar__Container">sidebar</aside>
            <div data-lyrics-container="true">third</div>
            <p>between</p>
            <div data-lyrics-container="true">[Outro]<br>fourth</div>
            """);

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("first\nsecond\nthird\n\n[Outro]\nfourth"));
    }

    [Test]
    public void A_block_inside_a_container_is_its_own_line_without_adding_blank_lines()
    {
        var html = Page("""<div data-lyrics-container="true">before<br><div>inside</div>after<p>para</p></div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("before\ninside\nafter\npara"));
    }

    [Test]
    public void A_container_nested_in_another_is_read_once()
    {
        var html = Page("""<div data-lyrics-container="true">outer<br><div data-lyrics-container="true">inner</div></div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("outer\ninner"));
    }

    [Test]
    public void Only_containers_marked_true_count()
    {
        var html = Page("""<div data-lyrics-container="false">not this</div><div class="Lyrics__Container">nor this</div><div data-lyrics-container="true">this</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.EqualTo("this"));
    }

    [Test]
    public void A_page_without_a_lyrics_container_has_no_lyrics()
    {
        var html = Page("""<div class="LyricsPlaceholder__Message-sc-14g6xqc-2">This song is an instrumental</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.Null);
    }

    [Test]
    public void A_container_holding_only_furniture_has_no_lyrics()
    {
        var html = Page(
            """<div data-lyrics-container="true"><div data-exclude-from-selection="true" class="LyricsHeader__Container">3 Contributors</div><br> &nbsp; <br></div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.Null);
    }

    [Test]
    public void A_page_whose_lyrics_are_not_released_yet_has_no_lyrics()
    {
        var html = Page(
            """<div class="LyricsPlaceholder__Container-sc-14g6xqc-1"><div class="LyricsPlaceholder__Message-sc-14g6xqc-2">Lyrics for this song have yet to be released. Please check back once the song has been released.</div></div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.Null);
    }

    [TestCase("[Instrumental]")]
    [TestCase("(Instrumental)")]
    [TestCase("[?]")]
    [TestCase("<i>[Instrumental]</i>")]
    [TestCase("[Intro]<br><br>[?]<br>[Outro]")]
    [TestCase("Lyrics for this song have yet to be transcribed.")]
    [TestCase("This song is an instrumental")]
    public void A_container_holding_only_a_placeholder_has_no_lyrics(string body)
    {
        var html = Page($"""<div data-lyrics-container="true"><div data-exclude-from-selection="true">1 Contributor</div>{body}</div>""");

        Assert.That(LyricsPageExtractor.Extract(html), Is.Null);
    }

    [TestCase("")]
    [TestCase("not html at all")]
    [TestCase("<div data-lyrics-container=\"true\"")]
    public void Junk_is_no_lyrics_rather_than_an_exception(string html)
    {
        Assert.That(LyricsPageExtractor.Extract(html), Is.Null);
    }
}
