using System.Text.Json;
using System.Text.RegularExpressions;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The JSON objects in what a model wrote, in order, and <see cref="Failure"/>: why the longest {...} of the answer did
/// not parse, when it is longer than every object that did (then it is most likely the answer, broken).
/// </summary>
public sealed record AnswerObjects(IReadOnlyList<string> Objects, string? Failure)
{
    public const string NoJson = "the answer holds no JSON object";

    /// <summary>What was wrong when no object is the answer: the broken longest one, or that there is none.</summary>
    public string Error => Failure ?? NoJson;

    /// <summary>The longest object: the one most likely meant as the answer.</summary>
    public string? Longest => Objects.MaxBy(o => o.Length);
}

/// <summary>
/// What a chat model's answer holds as JSON, as real servers return it: a Qwen3 &lt;think&gt; block before the answer
/// (closed, cut off, or only its closing tag), the JSON in a ```json fence or between prose with braces of its own.
/// </summary>
public static partial class AnswerJson
{
    // Bounds the work a long answer full of braces can cause.
    private const int MaxObjects = 64;

    /// <summary>Trailing commas and comments, which small models write, are allowed.</summary>
    public static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

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

    /// <summary>
    /// The outermost balanced {...} of the answer that parse, in ```fences first, then anywhere, in order; which of
    /// them is the answer is the reader's to judge. A span that does not parse is passed over whole, so "as
    /// {requested}" before the JSON does not hide it and an object inside a broken answer is not taken for it.
    /// </summary>
    public static AnswerObjects Find(string answer)
    {
        var objects = new List<string>();
        (int Length, string Error)? failure = null;
        foreach (var text in Fence().Matches(answer).Select(m => m.Groups[1].Value).Append(answer))
        {
            var start = text.IndexOf('{');
            while (start >= 0 && objects.Count < MaxObjects)
            {
                if (Balanced(text, start) is not { } json)
                {
                    start = text.IndexOf('{', start + 1);
                    continue;
                }
                try
                {
                    using var _ = JsonDocument.Parse(json, Lenient);
                    if (!objects.Contains(json))
                    {
                        objects.Add(json);
                    }
                }
                catch (JsonException e) when (failure is null || json.Length > failure.Value.Length)
                {
                    failure = (json.Length, $"the JSON does not parse: {e.Message.Split('\n')[0]}");
                }
                catch (JsonException)
                {
                }
                start = text.IndexOf('{', start + json.Length);
            }
        }
        var longest = objects.Count == 0 ? 0 : objects.Max(o => o.Length);
        return new AnswerObjects(objects, failure is { } f && f.Length > longest ? f.Error : null);
    }

    // The {...} that opens at start, strings and escapes respected; null when it is never closed.
    private static string? Balanced(string text, int start)
    {
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

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ThinkBlock();

    [GeneratedRegex(@"```[A-Za-z]*\s*(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();
}
