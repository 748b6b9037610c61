using System.Text.Json;
using System.Text.RegularExpressions;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// The lines out of a chat model's answer to the lyrics prompt, as real servers return it: a Qwen3
/// <c>&lt;think&gt;…&lt;/think&gt;</c> block before the answer, the JSON in ```json fences or followed by prose.
/// The answer must be <c>{"lines": ["...", ...]}</c> with at least the lines asked for; more are cut.
/// </summary>
public static partial class LlmLines
{
    public const string SchemaName = "lyrics_lines";

    public static readonly JsonElement Schema = JsonSerializer.SerializeToElement(new
    {
        type = "object",
        properties = new { lines = new { type = "array", items = new { type = "string" } } },
        required = new[] { "lines" },
        additionalProperties = false,
    });

    public static IReadOnlyList<string> Parse(string answer, int expected)
    {
        var found = AnswerJson.Find(AnswerJson.StripReasoning(answer));
        var lines = found.Objects.Select(Lines).FirstOrDefault(written => written is not null)
            ?? throw new FormatException(found.Failure is not null || found.Objects.Count == 0
                ? $"The model's answer is no lines: {found.Error}."
                : "The model's JSON has no \"lines\" array.");
        return lines.Count >= expected
            ? lines[..expected]
            : throw new FormatException($"The model wrote {lines.Count} lines; {expected} were asked for.");
    }

    private static List<string>? Lines(string json)
    {
        using var document = JsonDocument.Parse(json, AnswerJson.Lenient);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("lines", out var value))
        {
            return null;
        }
        // Small models put a whole verse in one string, or the lines in one string, now and then.
        IEnumerable<string>? written = value switch
        {
            { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(line => line.ValueKind == JsonValueKind.String).Select(line => line.GetString()!),
            { ValueKind: JsonValueKind.String } text => [text.GetString()!],
            _ => null,
        };
        return written is null ? null : [.. written.SelectMany(text => text.Split('\n')).Select(Clean).Where(line => line.Length > 0)];
    }

    // "1. Yo, I rise" or "- Yo, I rise": the numbering or bullet a model adds is not the line's.
    private static string Clean(string line) => ListMarker().Replace(line.Trim(), "").Trim();

    [GeneratedRegex(@"^(?:\d{1,2}[.):]\s+|[-*•]\s+)")]
    private static partial Regex ListMarker();
}
