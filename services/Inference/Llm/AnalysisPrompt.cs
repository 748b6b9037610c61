using System.Globalization;
using System.Text;
using Microsoft.Extensions.AI;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The messages that ask the LLM for an analysis: the lyrics with their measured features (so it comments on facts),
/// the theme and mood lists, the schema, and, on the second try, what was wrong with the first answer.
/// <see cref="Version"/> changes whenever the wording does: cached analyses of another version are not reused.
/// </summary>
public static class AnalysisPrompt
{
    public const string Version = "analysis-v1";

    private const string System = """
        You are an expert analyst of rap lyrics. Answer with one JSON object only, no prose, no code fences.
        Judge sentiment (label positive, negative, neutral or mixed; score from -1 to 1; confidence from 0 to 1), moods and
        themes (only names from the lists given), complexity and quality as integers from 1 to 10, the flow and the rhyme
        (one or two sentences each, citing the measured features), whether the lyrics are explicit and why, and a
        one-paragraph summary.
        """;

    public static IList<ChatMessage> Messages(string lyrics, TrackFeatures? features, LlmJsonMode mode, bool disableThinking,
        IReadOnlyList<string>? previousErrors = null)
    {
        var user = new StringBuilder();
        user.AppendLine(CultureInfo.InvariantCulture, $"Themes (choose up to 3): {Describe(Themes.All)}");
        user.AppendLine(CultureInfo.InvariantCulture, $"Moods (choose up to 2): {Describe(Themes.Moods)}");
        if (features is not null)
        {
            user.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"Measured features: {features.Lines} lines in {features.Sections} sections, {features.Words} words ({features.UniqueWords} distinct, type-token ratio {features.TypeTokenRatio:0.000}), {features.Syllables} syllables ({features.SyllablesPerLine:0.0} a line, variance {features.SyllablesPerLineVariance:0.0}), rhyme density {features.RhymeDensity:0.000} (Malmi), end-rhyme scheme {features.EndRhymeScheme}, {features.MultisyllableRhymes} multisyllable rhymes, readability {features.Readability:0.0}."));
        }
        if (mode != LlmJsonMode.JsonSchema)
        {
            user.AppendLine(CultureInfo.InvariantCulture, $"Answer with JSON matching this schema: {AnalysisSchema.Text}");
        }
        if (previousErrors is { Count: > 0 })
        {
            user.AppendLine(CultureInfo.InvariantCulture, $"Your previous answer was not valid: {string.Join("; ", previousErrors)}. Answer again with valid JSON only.");
        }
        user.AppendLine("Lyrics:");
        user.AppendLine(lyrics);
        if (disableThinking)
        {
            user.Append("/no_think");
        }
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }

    private static string Describe(IReadOnlyList<Themes.Descriptor> descriptors) => string.Join("; ", descriptors.Select(d => $"{d.Name} ({d.Description})"));
}
