using RapAnalyzer.Enrichment;
using RapAnalyzer.Enrichment.Apis;
using RapAnalyzer.Enrichment.Grpc;
using RapAnalyzer.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapErrorQueuesApi();
app.MapGrpcServerDefaults();
app.MapGrpcService<EnrichmentGrpcService>();
app.MapFeaturesApi();
app.MapEmbedApi();
app.Run();
