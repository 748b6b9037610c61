using RapAnalyzer.Catalog;
using RapAnalyzer.Catalog.Apis;
using RapAnalyzer.Catalog.Grpc;
using RapAnalyzer.Messaging;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapErrorQueuesApi();
app.MapGrpcServerDefaults();
app.MapGrpcService<CatalogGrpcService>();
app.MapTracksApi();
app.MapArtistsApi();
app.MapSearchApi();
app.MapFeatureRefreshApi();
app.Run();
