using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RapAnalyzer.Testing.Fakes;

/// <summary>
/// An OpenAI-compatible API on loopback: POST /v1/embeddings as OpenAI, vLLM and Ollama answer it (float or base64
/// vectors, "dimensions", Bearer keys, OpenAI's error bodies). Its model hashes each word into one of the vector's
/// dimensions, so texts sharing words score closer, and <see cref="Embed"/> lets a test work out the expected vector.
/// POST /v1/chat/completions answers as a Qwen3 model behind such a server does, as <see cref="ChatAnswer"/> says:
/// content with a think block or in fences, reasoning_content apart, errors with Retry-After, delays.
/// </summary>
public sealed class FakeOpenAiServer : FakeApiServer
{
    public const string ApiKey = "fake-openai-key";
    public const string EmbeddingModel = "fake-hashing-embed";
    public const int DefaultDimensions = 64;

    public const string ChatModel = "qwen/qwen3-4b-fp8";
    public const string ChatPath = "/v1/chat/completions";

    private readonly List<IReadOnlyList<string>> _embeddingInputs = [];
    private readonly List<JsonElement> _chatRequests = [];
    private readonly Lock _waiting = new();
    private int _chatsWaiting;
    private int _mostChatsAtOnce;

    private FakeOpenAiServer()
    {
    }

    /// <summary>The base URL a client is configured with: the part before "/embeddings".</summary>
    public string ApiUrl => $"{BaseUrl}/v1";

    /// <summary>The texts of each embeddings request answered, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> EmbeddingInputs
    {
        get
        {
            lock (_embeddingInputs)
            {
                return [.. _embeddingInputs];
            }
        }
    }

    /// <summary>The bodies of the chat requests received, in order (those answered with an error included).</summary>
    public IReadOnlyList<JsonElement> ChatRequests
    {
        get
        {
            lock (_chatRequests)
            {
                return [.. _chatRequests];
            }
        }
    }

    /// <summary>The most delayed chat requests (<see cref="FakeChatAnswer.Delay"/>) waiting at the same time since the last <see cref="ResetMostChatsAtOnce"/>.</summary>
    public int MostChatsAtOnce
    {
        get
        {
            lock (_waiting)
            {
                return _mostChatsAtOnce;
            }
        }
    }

    public void ResetMostChatsAtOnce()
    {
        lock (_waiting)
        {
            _mostChatsAtOnce = 0;
        }
    }

    /// <summary>
    /// The response_format types (json_schema, json_object) refused as DeepSeek and Groq refuse them for some models:
    /// 400 "This response_format type is unavailable now".
    /// </summary>
    public IReadOnlySet<string> RefusedResponseFormats { get; set; } = new HashSet<string>();

    /// <summary>How the n-th chat request (from 1) is answered; by default a valid analysis.</summary>
    public Func<int, FakeChatAnswer> ChatAnswer { get; set; } = _ => FakeChatAnswer.Content(ValidAnalysis);

    /// <summary>A valid answer of the analysis schema.</summary>
    public const string ValidAnalysis = """
        {"sentiment":{"label":"positive","score":0.62,"confidence":0.8},"moods":["triumphant","confident"],
         "themes":["success","money","outer space"],"complexity":7,"flow":"Steady mid-length lines of about eleven syllables.",
         "rhyme":"Dense internal rhymes, rhyme density 0.9.","quality":8,
         "explicit":{"isExplicit":false,"reason":"No profanity."},"summary":"A triumphant song about success and money."}
        """;

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var server = new FakeOpenAiServer();
        await server.StartListeningAsync();
        return server;
    }

    /// <summary>The model's vector of a text (not normalised: clients must not rely on that).</summary>
    public static float[] Embed(string text, int dimensions = DefaultDimensions)
    {
        var vector = new float[dimensions];
        foreach (var word in text.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var hash = 2166136261u;
            foreach (var c in word)
            {
                hash = (hash ^ c) * 16777619u;
            }
            vector[hash % (uint)dimensions] += (hash & 0x8000_0000u) == 0 ? 2f : -2f;
        }
        return vector;
    }

    protected override void MapRoutes(WebApplication app)
    {
        app.MapPost("/v1/embeddings", (Delegate)Embeddings);
        app.MapPost(ChatPath, (Delegate)ChatCompletions);
    }

    private async Task<IResult> ChatCompletions(HttpContext context)
    {
        if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
        {
            return Error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        int number;
        lock (_chatRequests)
        {
            _chatRequests.Add(body.RootElement.Clone());
            number = _chatRequests.Count;
        }
        if (body.RootElement.TryGetProperty("response_format", out var format) && format.TryGetProperty("type", out var type)
            && RefusedResponseFormats.Contains(type.GetString() ?? ""))
        {
            return Error(400, "This response_format type is unavailable now", "invalid_request_error", null);
        }
        var answer = ChatAnswer(number);
        if (answer.Delay > TimeSpan.Zero)
        {
            lock (_waiting)
            {
                _mostChatsAtOnce = Math.Max(_mostChatsAtOnce, ++_chatsWaiting);
            }
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
            finally
            {
                lock (_waiting)
                {
                    _chatsWaiting--;
                }
            }
        }
        if (answer.Status != 200)
        {
            if (answer.RetryAfterSeconds is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return Error(answer.Status, answer.Status == 429 ? "Rate limit reached for requests." : "The server had an error while processing your request.",
                answer.Status == 429 ? "requests" : "server_error", null);
        }
        var model = body.RootElement.TryGetProperty("model", out var m) ? m.GetString() : ChatModel;
        var promptTokens = body.RootElement.GetProperty("messages").EnumerateArray().Sum(message => Words(MessageText(message)));
        var completionTokens = Words(answer.Text) + Words(answer.ReasoningContent ?? "");
        // vLLM's Qwen3 reasoning parser, asked not to think, files the whole answer as reasoning and sends content null.
        var content = answer.Text.Length == 0 && answer.ReasoningContent is not null ? null : answer.Text;
        var message = new Dictionary<string, object?> { ["role"] = "assistant", ["content"] = content };
        if (answer.ReasoningContent is not null)
        {
            message[answer.ReasoningField] = answer.ReasoningContent;
        }
        return Results.Json(new
        {
            id = $"chatcmpl-{number}",
            @object = "chat.completion",
            created = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            model,
            choices = new[] { new { index = 0, message, finish_reason = answer.FinishReason } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });
    }

    private async Task<IResult> Embeddings(HttpContext context)
    {
        if (context.Request.Headers.Authorization != $"Bearer {ApiKey}")
        {
            return Error(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key");
        }
        using var body = await JsonDocument.ParseAsync(context.Request.Body);
        var request = body.RootElement;
        var model = request.TryGetProperty("model", out var m) ? m.GetString() : null;
        if (model != EmbeddingModel)
        {
            return Error(404, $"The model `{model}` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found");
        }
        IReadOnlyList<string> inputs = request.GetProperty("input") switch
        {
            { ValueKind: JsonValueKind.String } one => [one.GetString()!],
            { ValueKind: JsonValueKind.Array } many => [.. many.EnumerateArray().Select(e => e.GetString()!)],
            _ => [],
        };
        if (inputs.Count == 0 || inputs.Any(string.IsNullOrEmpty))
        {
            return Error(400, "'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", "invalid_request_error", null);
        }
        var dimensions = request.TryGetProperty("dimensions", out var d) ? d.GetInt32() : DefaultDimensions;
        var base64 = request.TryGetProperty("encoding_format", out var f) && f.GetString() == "base64";
        lock (_embeddingInputs)
        {
            _embeddingInputs.Add(inputs);
        }
        var data = inputs.Select((text, index) =>
        {
            var vector = Embed(text, dimensions);
            object embedding = base64 ? Convert.ToBase64String(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan())) : vector;
            return new { @object = "embedding", index, embedding };
        });
        var tokens = inputs.Sum(text => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);
        return Results.Json(new { @object = "list", data, model, usage = new { prompt_tokens = tokens, total_tokens = tokens } });
    }

    /// <summary>A message's text: its content as a string, or its text parts.</summary>
    public static string MessageText(JsonElement message) => message.GetProperty("content") switch
    {
        { ValueKind: JsonValueKind.String } text => text.GetString()!,
        { ValueKind: JsonValueKind.Array } parts => string.Concat(parts.EnumerateArray()
            .Where(p => p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString())),
        _ => "",
    };

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static IResult Error(int status, string message, string type, string? code) =>
        Results.Json(new { error = new { message, type, param = (string?)null, code } }, statusCode: status);
}

/// <summary>How the fake answers one chat request: the message's content (and reasoning_content), or an error status.</summary>
/// <summary>
/// <see cref="ReasoningField"/>: vLLM and DeepSeek name it reasoning_content, Ollama and OpenRouter reasoning.
/// <see cref="FinishReason"/>: "length" when the answer ran out of max_tokens.
/// </summary>
public sealed record FakeChatAnswer(string Text, string? ReasoningContent = null, int Status = 200, int? RetryAfterSeconds = null, TimeSpan Delay = default,
    string ReasoningField = "reasoning_content", string FinishReason = "stop")
{
    public static FakeChatAnswer Content(string text, TimeSpan delay = default) => new(text, Delay: delay);

    public static FakeChatAnswer Failure(int status, int? retryAfterSeconds = null) => new("", Status: status, RetryAfterSeconds: retryAfterSeconds);
}
