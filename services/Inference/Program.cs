using RapAnalyzer.Inference;
using RapAnalyzer.Inference.Apis;
using RapAnalyzer.Inference.Grpc;
using RapAnalyzer.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapErrorQueuesApi();
app.MapGrpcServerDefaults();
app.MapGrpcService<InferenceGrpcService>();
app.MapModelsApi();
app.MapAnalyzeApi();
app.MapCacheApi();
app.MapBatchApi();
app.MapGenerateApi();
app.Run();
