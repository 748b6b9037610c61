using RapAnalyzer.Messaging;
using RapAnalyzer.Scraper;
using RapAnalyzer.Scraper.Apis;
using RapAnalyzer.Scraper.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapErrorQueuesApi();
app.MapGrpcServerDefaults();
app.MapGrpcService<ScraperGrpcService>();
app.MapImportApi();
app.MapScrapeApi();
app.MapJobsApi();
app.Run();
