namespace RapAnalyzer.Inference.Generation;

/// <summary>The end-rhyme scheme asked of generated lines: couplets (AABB), alternate lines (ABAB), or none (free).</summary>
public enum RhymeScheme
{
    Aabb,
    Abab,
    Free,
}

public static class RhymeSchemes
{
    public const string Field = "rhymeScheme";

    public static readonly IReadOnlyList<string> Names = ["AABB", "ABAB", "free"];

    public static RhymeScheme? Parse(string? name) => name?.Trim().ToUpperInvariant() switch
    {
        null or "" or "AABB" => RhymeScheme.Aabb,
        "ABAB" => RhymeScheme.Abab,
        "FREE" => RhymeScheme.Free,
        _ => null,
    };

    public static string Name(this RhymeScheme scheme) => Names[(int)scheme];

    /// <summary>The earlier line (0-based) that line <paramref name="line"/> rhymes with, or null when it opens a rhyme.</summary>
    public static int? PartnerOf(this RhymeScheme scheme, int line) => scheme switch
    {
        RhymeScheme.Aabb when line % 2 == 1 => line - 1,
        RhymeScheme.Abab when line % 4 >= 2 => line - 2,
        _ => null,
    };

    /// <summary>The earlier lines of the same four-line block: a line opening a rhyme must not rhyme with them ("AABB", not "AAAA").</summary>
    public static IEnumerable<int> BlockBefore(this RhymeScheme scheme, int line) =>
        scheme == RhymeScheme.Free ? [] : Enumerable.Range(line - line % 4, line % 4);
}
