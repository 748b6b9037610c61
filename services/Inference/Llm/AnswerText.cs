using System.ClientModel.Primitives;
using System.Text.Json;
using Microsoft.Extensions.AI;
using ChatCompletion = OpenAI.Chat.ChatCompletion;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// The text of a chat answer to read the JSON from: its content, or, when the content is empty, the reasoning the
/// server sent apart. vLLM's Qwen3 reasoning parser files a whole answer written without a think block (as
/// "/no_think" asks) as reasoning_content and sends content null; Ollama and OpenRouter name the field reasoning.
/// The OpenAI SDK keeps such fields only as the completion's unknown JSON, read back here.
/// </summary>
public static class AnswerText
{
    private static readonly string[] ReasoningFields = ["reasoning_content", "reasoning"];

    public static string Of(ChatResponse response)
    {
        var text = response.Text;
        // Cut off at max tokens, the reasoning is unfinished thought, not an answer filed in the wrong field.
        if (!string.IsNullOrWhiteSpace(AnswerJson.StripReasoning(text)) || response.FinishReason == ChatFinishReason.Length)
        {
            return text;
        }
        var reasoning = string.Concat(response.Messages.SelectMany(m => m.Contents).OfType<TextReasoningContent>().Select(c => c.Text));
        return reasoning.Length > 0 ? reasoning : SentReasoning(response.RawRepresentation) ?? text;
    }

    private static string? SentReasoning(object? raw)
    {
        if (raw is not ChatCompletion completion)
        {
            return null;
        }
        using var json = JsonDocument.Parse(ModelReaderWriter.Write(completion, ModelReaderWriterOptions.Json));
        if (!json.RootElement.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array
            || choices.GetArrayLength() == 0 || !choices[0].TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        return ReasoningFields.Select(field => message.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null)
            .FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
    }
}
