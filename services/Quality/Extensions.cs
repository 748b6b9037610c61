namespace RapAnalyzer.Quality;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMessaging("messaging");
        builder.AddGrpcServerDefaults();
        return builder;
    }
}
