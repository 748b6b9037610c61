using System.Diagnostics.CodeAnalysis;

namespace RapAnalyzer.Enrichment.Features;

/// <summary>A Genius-style section header: <c>[Verse 1: Kendrick Lamar]</c>, <c>[Hook: X &amp; Y]</c>, <c>[Chorus]</c>.</summary>
public sealed record SectionHeader(SectionKind Kind, string Label, IReadOnlyList<string> Performers)
{
    private static readonly (string Prefix, SectionKind Kind)[] Kinds =
    [
        ("prechorus", SectionKind.PreChorus), ("postchorus", SectionKind.PostChorus), ("intro", SectionKind.Intro),
        ("verse", SectionKind.Verse), ("chorus", SectionKind.Chorus), ("hook", SectionKind.Hook),
        ("refrain", SectionKind.Refrain), ("bridge", SectionKind.Bridge), ("interlude", SectionKind.Interlude),
        ("breakdown", SectionKind.Breakdown), ("skit", SectionKind.Skit), ("outro", SectionKind.Outro),
    ];

    /// <summary>A line that is one bracketed label with at least one letter; performers follow a colon.</summary>
    public static bool TryParse(string line, [NotNullWhen(true)] out SectionHeader? header)
    {
        header = null;
        var text = line.Trim();
        if (text.Length < 3 || text[0] != '[' || text[^1] != ']' || text.IndexOfAny(['[', ']'], 1, text.Length - 2) >= 0)
        {
            return false;
        }
        text = text[1..^1];
        if (!text.Any(char.IsLetter))
        {
            return false; // "[?]" marks an unintelligible word, not a section
        }
        var colon = text.IndexOf(':');
        var label = (colon < 0 ? text : text[..colon]).Trim();
        var performers = colon < 0 ? [] : SplitPerformers(text[(colon + 1)..]);
        header = new SectionHeader(KindOf(label), label, performers);
        return true;
    }

    public static SectionKind KindOf(string label)
    {
        var letters = new string([.. label.Where(char.IsLetter).Select(char.ToLowerInvariant)]);
        foreach (var (prefix, kind) in Kinds)
        {
            if (letters.StartsWith(prefix, StringComparison.Ordinal))
            {
                return kind;
            }
        }
        return SectionKind.Other;
    }

    /// <summary>Genius separates performers with "&amp;" and ","; a name in parentheses is a performer too.</summary>
    private static IReadOnlyList<string> SplitPerformers(string credits)
    {
        var performers = new List<string>();
        foreach (var part in credits.Split(['&', ',', '(', ')'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            // "Tyler, The Creator" is one name, not a performer called "The Creator".
            if (performers.Count > 0 && part.Equals("The Creator", StringComparison.OrdinalIgnoreCase))
            {
                performers[^1] += ", " + part;
                continue;
            }
            performers.Add(part);
        }
        return performers;
    }
}
