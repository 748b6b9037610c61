using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Protos.Inference;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// The services whose work arrives in later issues still start as processes on the real infrastructure,
/// connect to what they own, and say so in /health and over gRPC.
/// </summary>
[TestFixture]
public sealed class BackgroundServiceTests
{
    [TestCase("quality", "masstransit-bus")]
    [TestCase("trends", "masstransit-bus")]
    [TestCase("inference", "cache", "masstransit-bus")]
    public async Task Starts_and_reports_its_dependencies_healthy(string service, params string[] dependencies)
    {
        await using var run = await ServiceRun.StartAsync(service);
        await HealthAssertions.AssertHealthyAsync(run.Http, dependencies);
        await HealthAssertions.AssertGrpcServingAsync(run.Grpc);
    }

    [Test]
    public async Task Style_transfer_starts_after_catalog_and_inference()
    {
        await using var run = await ServiceRun.StartAsync("style-transfer");
        var model = run.App.Services.GetRequiredService<DistributedApplicationModel>();
        Assert.That(model.Resources.OfType<ProjectResource>().Select(r => r.Name), Is.EquivalentTo(new[] { "catalog", "enrichment", "inference", "style-transfer" }));
        await HealthAssertions.AssertHealthyAsync(run.Http);
        await HealthAssertions.AssertGrpcServingAsync(run.Grpc);
    }

    [Test]
    public async Task Inference_says_the_embedded_analyzer_answers_when_no_llm_is_configured()
    {
        await using var run = await ServiceRun.StartAsync("inference");
        var overHttp = await run.Http.GetFromJsonAsync<ModelInfo>("/models/info");
        var overGrpc = await new RapAnalyzer.Protos.Inference.Inference.InferenceClient(run.Grpc).GetModelInfoAsync(new ModelInfoRequest());
        Assert.Multiple(() =>
        {
            Assert.That(overHttp!.LlmConfigured, Is.False);
            Assert.That(overHttp.ActiveAnalyzer, Is.EqualTo(ModelInfo.EmbeddedAnalyzer));
            Assert.That(overGrpc.LlmConfigured, Is.False);
            Assert.That(overGrpc.LlmModel, Is.EqualTo("qwen/qwen3-4b-fp8"));
        });
    }
}
