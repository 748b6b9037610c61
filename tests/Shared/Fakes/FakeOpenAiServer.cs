using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RapAnalyzer.Testing.Fakes;

/// <summary>
/// An OpenAI-compatible API on loopback: POST /v1/embeddings as OpenAI, vLLM and Ollama answer it (float or base64
/// vectors, "dimensions", Bearer keys, OpenAI's error bodies). Its model hashes each word into one of the vector's
/// dimensions, so texts sharing words score closer, and <see cref="Embed"/> lets a test work out the expected vector.
/// </summary>
public sealed class FakeOpenAiServer : FakeApiServer
{
    public const string ApiKey = "fake-openai-key";
    public const string EmbeddingModel = "fake-hashing-embed";
    public const int DefaultDimensions = 64;

    private readonly List<IReadOnlyList<string>> _embeddingInputs = [];

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

    protected override void MapRoutes(WebApplication app) => app.MapPost("/v1/embeddings", (Delegate)Embeddings);

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

    private static IResult Error(int status, string message, string type, string? code) =>
        Results.Json(new { error = new { message, type, param = (string?)null, code } }, statusCode: status);
}
