using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Llm;

/// <summary>The judgement read from an LLM's answer, or what was wrong with the answer.</summary>
public sealed record LlmReading(AnalysisJudgement? Judgement, IReadOnlyList<string> Errors);

/// <summary>
/// Reads an analysis out of what a model really writes (<see cref="AnswerJson"/>: reasoning, fences, prose) and checks
/// it against <see cref="AnalysisSchema"/>.
/// What small models get loosely right is read as meant: names in another case or snake_case, numbers and booleans
/// in quotes, a wrapping object. Themes and moods outside the lists are dropped; anything else amiss
/// is an error, named by its JSON path.
/// </summary>
public static class LlmAnswer
{
    private static readonly string[] Labels = ["positive", "negative", "neutral", "mixed"];

    /// <summary>
    /// The first of the answer's JSON objects that is a valid analysis (a draft or an example before it is passed
    /// over); else what was wrong with the answer's longest {...}.
    /// </summary>
    public static LlmReading Read(string? text)
    {
        var found = AnswerJson.Find(AnswerJson.StripReasoning(text ?? ""));
        foreach (var json in found.Objects)
        {
            var reading = Validate(json);
            if (reading.Judgement is not null)
            {
                return reading;
            }
        }
        return found.Failure is null && found.Longest is { } longest ? Validate(longest) : Failed(found.Error);
    }

    private static LlmReading Validate(string json)
    {
        using var document = JsonDocument.Parse(json, AnswerJson.Lenient);
        return Validate(Unwrapped(document.RootElement));
    }

    // {"analysis": {...}}: some models wrap the answer in one more object.
    private static JsonElement Unwrapped(JsonElement root)
    {
        for (var level = 0; level < 2 && root.ValueKind == JsonValueKind.Object && !TryGet(root, "sentiment", out _); level++)
        {
            var properties = root.EnumerateObject().ToList();
            if (properties is not [{ Value.ValueKind: JsonValueKind.Object } only])
            {
                break;
            }
            root = only.Value;
        }
        return root;
    }

    private static LlmReading Validate(JsonElement root)
    {
        var errors = new List<string>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed("$ must be an object");
        }
        var sentiment = Property(root, "sentiment", JsonValueKind.Object, errors);
        var label = sentiment is { } s ? String(s, "label", "$.sentiment", errors)?.ToLowerInvariant() : null;
        if (label is not null && !Labels.Contains(label))
        {
            errors.Add($"$.sentiment.label must be one of {string.Join(", ", Labels)}");
        }
        var score = sentiment is { } s1 ? Number(s1, "score", "$.sentiment", -1, 1, errors) : null;
        var confidence = sentiment is { } s2 ? Number(s2, "confidence", "$.sentiment", 0, 1, errors) : null;
        var moods = Names(root, "moods", Moods, errors);
        var themes = Names(root, "themes", ThemeNames, errors);
        var complexity = Score(root, "complexity", errors);
        var flow = String(root, "flow", "$", errors);
        var rhyme = String(root, "rhyme", "$", errors);
        var quality = Score(root, "quality", errors);
        var explicitElement = Property(root, "explicit", JsonValueKind.Object, errors);
        bool? isExplicit = null;
        string? reason = null;
        if (explicitElement is { } e)
        {
            isExplicit = TryGet(e, "isExplicit", out var flag) ? Flag(flag) : null;
            if (isExplicit is null)
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

    // A property by its name, or written in another case or snake_case (is_explicit), as models do.
    private static bool TryGet(JsonElement parent, string name, out JsonElement value)
    {
        if (parent.TryGetProperty(name, out value))
        {
            return true;
        }
        var key = Key(name);
        foreach (var property in parent.EnumerateObject())
        {
            if (Key(property.Name) == key)
            {
                value = property.Value;
                return true;
            }
        }
        return false;
    }

    // Letters and digits only, lower case: "Street_Life", "street life" and "street-life" are one name.
    private static string Key(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static JsonElement? Property(JsonElement parent, string name, JsonValueKind kind, List<string> errors)
    {
        if (TryGet(parent, name, out var value) && value.ValueKind == kind)
        {
            return value;
        }
        errors.Add($"$.{name} must be {(kind == JsonValueKind.Object ? "an object" : "an array")}");
        return null;
    }

    private static string? String(JsonElement parent, string name, string path, List<string> errors)
    {
        if (TryGet(parent, name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
        {
            return value.GetString()!.Trim();
        }
        errors.Add($"{path}.{name} must be a non-empty string");
        return null;
    }

    // A number, or a string holding only one ("7", "0.8"): schema-in-prompt answers quote numbers now and then.
    private static double? Numeric(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && double.IsFinite(number) => number,
        _ => null,
    };

    private static bool? Flag(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(value.GetString()?.Trim(), out var flag) => flag,
        _ => null,
    };

    private static double? Number(JsonElement parent, string name, string path, double min, double max, List<string> errors)
    {
        if (TryGet(parent, name, out var value) && Numeric(value) is { } number && number >= min && number <= max)
        {
            return number;
        }
        errors.Add($"{path}.{name} must be a number from {min} to {max}");
        return null;
    }

    private static int? Score(JsonElement root, string name, List<string> errors)
    {
        if (TryGet(root, name, out var value) && Numeric(value) is { } number && number >= 1 && number <= 10)
        {
            return (int)Math.Round(number, MidpointRounding.AwayFromZero);
        }
        errors.Add($"$.{name} must be an integer from 1 to 10");
        return null;
    }

    private static readonly FrozenDictionary<string, string> ThemeNames = Themes.Names.ToFrozenDictionary(Key, n => n.ToLowerInvariant());

    private static readonly FrozenDictionary<string, string> Moods = Themes.MoodNames.ToFrozenDictionary(Key, n => n.ToLowerInvariant());

    // A name outside the list is the model straying from it: dropped, as the issue asks, not a failed answer. A
    // comma-separated string is read as the list it means.
    private static IReadOnlyList<string>? Names(JsonElement root, string name, FrozenDictionary<string, string> allowed, List<string> errors)
    {
        IEnumerable<string> written;
        if (TryGet(root, name, out var value) && value.ValueKind == JsonValueKind.String)
        {
            written = value.GetString()!.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries);
        }
        else if (Property(root, name, JsonValueKind.Array, errors) is { } array)
        {
            written = array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!);
        }
        else
        {
            return null;
        }
        return [.. written.Select(n => allowed.GetValueOrDefault(Key(n))).OfType<string>().Distinct()];
    }

    private static LlmReading Failed(string error) => new(null, [error]);
}
