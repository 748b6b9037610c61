using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Llm;

namespace RapAnalyzer.Inference.Tests.Llm;

/// <summary>The inference's LLM registration, as the service makes it, pointed at a fake server.</summary>
public static class LlmTestHost
{
    public static IHost Start(FakeOpenAiServer fake, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Endpoint"] = fake.ApiUrl,
            ["Llm:ApiKey"] = FakeOpenAiServer.ApiKey,
            ["Llm:Model"] = FakeOpenAiServer.ChatModel,
            ["Llm:TimeoutSeconds"] = "5",
            ["Llm:RetryDelaySeconds"] = "0.01",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.AddLlm();
        builder.Services.AddSingleton<AnalysisStats>();
        return builder.Build();
    }

    public static LlmAnalyzer Llm(this IHost host) => host.Services.GetRequiredService<LlmAnalyzer>();
}
