using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace RapAnalyzer.Gateway.Proxy;

/// <summary>
/// Forwards a path as the client encoded it. Kestrel decodes a path except %2F, which it keeps as sent; YARP then
/// escapes that '%' again, so "/artists/AC%2FDC" would reach the catalog as "/artists/AC%252FDC", another name.
/// </summary>
public static class EncodedPathForwarding
{
    public static void ForwardEncodedPath(TransformBuilderContext builder) => builder.AddRequestTransform(transform =>
    {
        var rawTarget = transform.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget;
        // Only the origin form ("/path?query") carries the path alone, and only an unchanged path is forwarded as sent.
        if (rawTarget is ['/', ..] && transform.Path == transform.HttpContext.Request.Path)
        {
            var rawPath = rawTarget.Split('?', 2)[0];
            var prefix = transform.DestinationPrefix.TrimEnd('/');
            var sent = new Uri($"{prefix}{rawPath}{transform.Query.QueryString}");
            // System.Uri reads '\' as '/' and removes dot segments: "/artists/..\search\indexes" would leave the route
            // it matched for any path of the service. A path Uri changed goes as YARP escapes it ('\' as %5C).
            if (sent.AbsolutePath == new Uri($"{prefix}/").AbsolutePath.TrimEnd('/') + rawPath)
            {
                transform.ProxyRequest.RequestUri = sent;
            }
        }
        return ValueTask.CompletedTask;
    });
}
