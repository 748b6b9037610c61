using RapAnalyzer.Messaging;
using RapAnalyzer.Trends;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapErrorQueuesApi();
app.MapGrpcServerDefaults();
app.Run();
