using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.ServiceDefaults.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Every error a service or the gateway answers is RFC 7807 problem details with a traceId, in every environment: no
/// stack trace, source path, exception type or request header reaches a client. The log keeps the details.
/// </summary>
public static class ProblemDetailsExtensions
{
    public static IServiceCollection AddProblemDetailsDefaults(this IServiceCollection services)
    {
        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        // Outside Development a minimal API answers a request it cannot bind with an empty 400; thrown instead, as in
        // Development, the exception reaches BadRequestExceptionHandler, which says what was wrong.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>
    /// The exception handler, then status code pages for the errors that have no body (404, 405, a proxy's 502), then
    /// routing: inside the handler, so a failure to match a route is a problem too; a HEAD is routed as a GET
    /// (<see cref="HeadRequests"/>). In Development WebApplication puts
    /// the developer exception page first; with the handler inside it, that page never answers.
    /// </summary>
    public static WebApplication UseProblemDetailsDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHeadAsGet();
        app.UseRouting();
        return app;
    }
}
