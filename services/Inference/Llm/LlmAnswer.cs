using System.Text.Json;
using System.Text.RegularExpressions;
using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Llm;

/// <summary>The judgement read from an LLM's answer, or what was wrong with the answer.</summary>
public sealed record LlmReading(AnalysisJudgement? Judgement, IReadOnlyList<string> Errors);

/// <summary>
/// Reads an analysis out of what a model really writes: a Qwen3 &lt;think&gt; block before the answer (closed or cut
/// off), the JSON in a ```json fence or followed by prose, then checks it against <see cref="AnalysisSchema"/>.
/// Themes and moods outside the lists are dropped; anything else amiss is an error, named by its JSON path.
/// </summary>
public static partial class LlmAnswer
{
    private static readonly string[] Labels = ["positive", "negative", "neutral", "mixed"];

    public static LlmReading Read(string? text)
    {
        var answer = StripReasoning(text ?? "");
        if (ExtractJson(answer) is not { } json)
        {
            return Failed("the answer holds no JSON object");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return Failed($"the JSON does not parse: {e.Message.Split('\n')[0]}");
        }
        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    /// <summary>The answer without its reasoning: every &lt;think&gt;…&lt;/think&gt; block, and a block left open at the start.</summary>
    public static string StripReasoning(string text)
    {
        var stripped = ThinkBlock().Replace(text, "");
        var close = stripped.IndexOf("</think>", StringComparison.OrdinalIgnoreCase);
        if (close >= 0)
        {
            // Some servers strip the opening tag with the chat template and leave the closing one.
            stripped = stripped[(close + "</think>".Length)..];
        }
        var open = stripped.IndexOf("<think>", StringComparison.OrdinalIgnoreCase);
        return (open >= 0 ? stripped[..open] : stripped).Trim();
    }

    /// <summary>The JSON object of the answer: a fenced block's if there is one, else the first balanced {...}.</summary>
    public static string? ExtractJson(string answer)
    {
        var fenced = Fence().Match(answer);
        var text = fenced.Success ? fenced.Groups[1].Value : answer;
        var start = text.IndexOf('{');
        if (start < 0)
        {
            return null;
        }
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    inString = true;
                    break;
                case '{':
                    depth++;
                    break;
                case '}' when --depth == 0:
                    return text[start..(i + 1)];
            }
        }
        return null;
    }

    private static LlmReading Validate(JsonElement root)
    {
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed("$ must be an object");
        }
        var sentiment = Property(root, "sentiment", JsonValueKind.Object, errors);
        var label = sentiment is { } s ? String(s, "label", "$.sentiment", errors) : null;
        if (label is not null && !Labels.Contains(label))
        {
            errors.Add($"$.sentiment.label must be one of {string.Join(", ", Labels)}");
        }
        var score = sentiment is { } s1 ? Number(s1, "score", "$.sentiment", -1, 1, errors) : null;
        var confidence = sentiment is { } s2 ? Number(s2, "confidence", "$.sentiment", 0, 1, errors) : null;
        var moods = Names(root, "moods", Themes.MoodNames, errors);
        var themes = Names(root, "themes", Themes.Names, errors);
        var complexity = Score(root, "complexity", errors);
        var flow = String(root, "flow", "$", errors);
        var rhyme = String(root, "rhyme", "$", errors);
        var quality = Score(root, "quality", errors);
        var explicitElement = Property(root, "explicit", JsonValueKind.Object, errors);
        bool? isExplicit = null;
        string? reason = null;
        if (explicitElement is { } e)
        {
            if (e.TryGetProperty("isExplicit", out var flag) && flag.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                isExplicit = flag.GetBoolean();
            }
            else
            {
                errors.Add("$.explicit.isExplicit must be true or false");
            }
            reason = String(e, "reason", "$.explicit", errors);
        }
        var summary = String(root, "summary", "$", errors);
        if (errors.Count > 0)
        {
            return new LlmReading(null, errors);
        }
        return new LlmReading(new AnalysisJudgement(new SentimentResult(label!, score!.Value, confidence!.Value), moods!, themes!, complexity, flow!,
            rhyme!, quality, new ExplicitContent(isExplicit!.Value, reason!), summary!), []);
    }

    private static JsonElement? Property(JsonElement parent, string name, JsonValueKind kind, List<string> errors)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == kind)
        {
            return value;
        }
        errors.Add($"$.{name} must be {(kind == JsonValueKind.Object ? "an object" : "an array")}");
        return null;
    }

    private static string? String(JsonElement parent, string name, string path, List<string> errors)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }
        errors.Add($"{path}.{name} must be a non-empty string");
        return null;
    }

    private static double? Number(JsonElement parent, string name, string path, double min, double max, List<string> errors)
    {
        if (parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.GetDouble() is var number
            && number >= min && number <= max)
        {
            return number;
        }
        errors.Add($"{path}.{name} must be a number from {min} to {max}");
        return null;
    }

    private static int? Score(JsonElement root, string name, List<string> errors)
    {
        if (root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            && number >= 1 && number <= 10)
        {
            return (int)Math.Round(number, MidpointRounding.AwayFromZero);
        }
        errors.Add($"$.{name} must be an integer from 1 to 10");
        return null;
    }

    // A name outside the list is the model straying from it: dropped, as the issue asks, not a failed answer.
    private static IReadOnlyList<string>? Names(JsonElement root, string name, IReadOnlySet<string> allowed, List<string> errors)
    {
        if (Property(root, name, JsonValueKind.Array, errors) is not { } array)
        {
            return null;
        }
        return
        [
            .. array.EnumerateArray()
                .Where(v => v.ValueKind == JsonValueKind.String)
                .Select(v => v.GetString()!.Trim().ToLowerInvariant())
                .Where(allowed.Contains)
                .Distinct(),
        ];
    }

    private static LlmReading Failed(string error) => new(null, [error]);

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ThinkBlock();

    [GeneratedRegex(@"```(?:json|JSON)?\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
