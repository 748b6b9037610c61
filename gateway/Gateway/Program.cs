using RapAnalyzer.Gateway;
using RapAnalyzer.Gateway.Apis;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapGatewayHealthApi();
app.MapDefaultEndpoints(withMetrics: false);
app.MapReverseProxy();
app.Run();
