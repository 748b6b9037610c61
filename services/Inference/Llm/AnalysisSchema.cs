using System.Text.Json;
using System.Text.Json.Nodes;
using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The JSON schema of the LLM's answer: the judgement part of <see cref="LyricsAnalysis"/>, in its property names.
/// Themes and moods are not an enum here: a name outside the lists is dropped on reading, not a failed answer.
/// </summary>
public static class AnalysisSchema
{
    public const string Name = "lyrics_analysis";

    public static readonly JsonElement Schema = JsonSerializer.SerializeToElement(Build());

    public static readonly string Text = Schema.GetRawText();

    private static JsonObject Build() => Object(new()
    {
        ["sentiment"] = Object(new()
        {
            ["label"] = new JsonObject { ["type"] = "string", ["enum"] = new JsonArray("positive", "negative", "neutral", "mixed") },
            ["score"] = new JsonObject { ["type"] = "number", ["minimum"] = -1, ["maximum"] = 1 },
            ["confidence"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
        }),
        ["moods"] = StringArray(),
        ["themes"] = StringArray(),
        ["complexity"] = Score(),
        ["flow"] = new JsonObject { ["type"] = "string" },
        ["rhyme"] = new JsonObject { ["type"] = "string" },
        ["quality"] = Score(),
        ["explicit"] = Object(new()
        {
            ["isExplicit"] = new JsonObject { ["type"] = "boolean" },
            ["reason"] = new JsonObject { ["type"] = "string" },
        }),
        ["summary"] = new JsonObject { ["type"] = "string" },
    });

    private static JsonObject Object(Dictionary<string, JsonNode> properties) => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["required"] = new JsonArray([.. properties.Keys.Select(k => (JsonNode)k)]),
        ["additionalProperties"] = false,
    };

    private static JsonObject StringArray() => new() { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };

    private static JsonObject Score() => new() { ["type"] = "integer", ["minimum"] = 1, ["maximum"] = 10 };
}
