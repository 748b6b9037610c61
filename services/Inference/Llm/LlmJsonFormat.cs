using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace RapAnalyzer.Inference.Llm;

/// <summary>
/// How this service asks its server for JSON: <see cref="LlmOptions.JsonMode"/> at first. A server that refuses that
/// response_format with a 400 naming it (DeepSeek and Groq refuse json_schema for some models, LM Studio refuses
/// json_object, older llama.cpp and vLLM servers one or the other) is asked the next plainer way, at once and from then
/// on for the life of the process, so a setting that does not fit the server costs one refused call, not every answer.
/// </summary>
public sealed class LlmJsonFormat(IOptions<LlmOptions> options, ILogger<LlmJsonFormat> logger)
{
    private static readonly string[] RefusalWords = ["response_format", "response format", "json_schema", "json_object", "structured output"];

    private int _mode = (int)options.Value.JsonMode;

    public LlmJsonMode Mode => (LlmJsonMode)Volatile.Read(ref _mode);

    public static ChatResponseFormat? ResponseFormat(LlmJsonMode mode, JsonElement schema, string schemaName) => mode switch
    {
        LlmJsonMode.JsonSchema => ChatResponseFormat.ForJsonSchema(schema, schemaName),
        LlmJsonMode.JsonObject => ChatResponseFormat.Json,
        _ => null,
    };

    /// <summary>
    /// Whether <paramref name="failure"/> is the server refusing the response format asked with <paramref name="asked"/>:
    /// then <see cref="Mode"/> is a plainer one and the call can be made again at once.
    /// </summary>
    public bool SteppedDown(Exception failure, LlmJsonMode asked)
    {
        if (asked == LlmJsonMode.SchemaInPrompt || !Refuses(failure))
        {
            return false;
        }
        var next = asked + 1;
        if (Interlocked.CompareExchange(ref _mode, (int)next, (int)asked) == (int)asked)
        {
            logger.LogWarning("The LLM server refused the response format {Asked}; it is asked with {Next} from now on (Llm:JsonMode {Next} saves the refused call)",
                asked, next, next);
        }
        return true;
    }

    private static bool Refuses(Exception failure)
    {
        if (failure is not ClientResultException { Status: 400 or 422 } refusal)
        {
            return false;
        }
        var said = $"{refusal.Message} {refusal.GetRawResponse()?.Content}";
        // A validation error that echoes the whole request (vLLM's do) names response_format without refusing it.
        return RefusalWords.Any(word => said.Contains(word, StringComparison.OrdinalIgnoreCase))
            && !said.Contains("messages", StringComparison.OrdinalIgnoreCase);
    }
}
