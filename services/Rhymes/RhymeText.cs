using System.Text.RegularExpressions;

namespace RapAnalyzer.Rhymes;

/// <summary>
/// A lyric line as Malmi's rhyme code hands it to eSpeak: every run of characters other than ASCII letters, digits,
/// underscore, the Nordic letters he kept, apostrophes and . ? ! becomes one space (his Python 2 pattern's \w is
/// ASCII: "ñ", commas, hyphens and brackets all go), then the line is trimmed.
/// </summary>
public static partial class RhymeText
{
    public static string Clean(string line) => NotSpoken().Replace(line, " ").Trim();

    [GeneratedRegex("[^A-Za-z0-9_åÅäÄöÖéÉ'’.?!]+")]
    private static partial Regex NotSpoken();
}
