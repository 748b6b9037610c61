using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Genius-style headers: kind, label and the credited performers.</summary>
public class SectionHeaderTests
{
    [TestCase("[Verse 1: Kendrick Lamar]", SectionKind.Verse, "Verse 1", new[] { "Kendrick Lamar" })]
    [TestCase("[Hook: Drake & Rihanna]", SectionKind.Hook, "Hook", new[] { "Drake", "Rihanna" })]
    [TestCase("[Verse 2: JAY-Z, Kanye West & Frank Ocean]", SectionKind.Verse, "Verse 2", new[] { "JAY-Z", "Kanye West", "Frank Ocean" })]
    [TestCase("[Verse 3: Tyler, The Creator & Kali Uchis]", SectionKind.Verse, "Verse 3", new[] { "Tyler, The Creator", "Kali Uchis" })]
    [TestCase("[Chorus: Beyoncé (Jay-Z)]", SectionKind.Chorus, "Chorus", new[] { "Beyoncé", "Jay-Z" })]
    [TestCase("  [Chorus]  ", SectionKind.Chorus, "Chorus", new string[0])]
    [TestCase("[Pre-Chorus: SZA]", SectionKind.PreChorus, "Pre-Chorus", new[] { "SZA" })]
    [TestCase("[Post-Chorus]", SectionKind.PostChorus, "Post-Chorus", new string[0])]
    [TestCase("[Intro: Snoop Dogg]", SectionKind.Intro, "Intro", new[] { "Snoop Dogg" })]
    [TestCase("[Outro]", SectionKind.Outro, "Outro", new string[0])]
    [TestCase("[Bridge]", SectionKind.Bridge, "Bridge", new string[0])]
    [TestCase("[Part II]", SectionKind.Other, "Part II", new string[0])]
    public void A_header_gives_its_kind_label_and_performers(string line, SectionKind kind, string label, string[] performers)
    {
        Assert.That(SectionHeader.TryParse(line, out var header), Is.True);
        Assert.That(header!.Kind, Is.EqualTo(kind));
        Assert.That(header.Label, Is.EqualTo(label));
        Assert.That(header.Performers, Is.EqualTo(performers));
    }

    [TestCase("I got [what] you need")]
    [TestCase("[?]")]
    [TestCase("[Verse 1")]
    [TestCase("Verse 1]")]
    [TestCase("[]")]
    [TestCase("[Verse] [Chorus]")]
    [TestCase("(Chorus)")]
    public void A_line_that_is_not_one_bracketed_label_is_no_header(string line)
    {
        Assert.That(SectionHeader.TryParse(line, out _), Is.False);
    }
}
