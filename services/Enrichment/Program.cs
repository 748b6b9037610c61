using RapAnalyzer.Enrichment;
using RapAnalyzer.Enrichment.Apis;
using RapAnalyzer.Enrichment.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapGrpcServerDefaults();
app.MapGrpcService<EnrichmentGrpcService>();
app.MapFeaturesApi();
app.MapEmbedApi();
app.Run();
