using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>
/// HEAD is GET without the body (RFC 9110, 9.3.2), and every general-purpose server must answer it; minimal APIs map
/// GET alone, so a HEAD is routed as the GET it asks about. Kestrel still knows the request as a HEAD and sends no body.
/// </summary>
public static class HeadRequests
{
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }
        context.Request.Method = HttpMethods.Get;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
        }
    });
}
