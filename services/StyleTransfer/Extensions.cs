using RapAnalyzer.Protos.Catalog;
using RapAnalyzer.Protos.Inference;

namespace RapAnalyzer.StyleTransfer;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGrpcServerDefaults();
        builder.AddGrpcServiceClient<Catalog.CatalogClient>("catalog");
        builder.AddGrpcServiceClient<Inference.InferenceClient>("inference");
        return builder;
    }
}
