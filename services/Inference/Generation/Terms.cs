using System.Text.RegularExpressions;

namespace RapAnalyzer.Inference.Generation;

/// <summary>The words of a line for bag-of-words similarity: lowercase runs of letters, digits and apostrophes.</summary>
public static partial class Terms
{
    public static IEnumerable<string> Of(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(match => match.Value.Trim('\''));

    [GeneratedRegex("[a-z0-9']+")]
    private static partial Regex Word();
}
