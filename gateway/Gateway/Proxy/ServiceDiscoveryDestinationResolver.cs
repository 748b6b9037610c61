using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace RapAnalyzer.Gateway.Proxy;

/// <summary>
/// Turns a destination address such as <c>http://catalog</c> into the service's real endpoints through
/// service discovery (<c>services__catalog__http__0</c>), as Microsoft.Extensions.ServiceDiscovery.Yarp
/// would if it could be restored here.
/// </summary>
public sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>();
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var endpoints = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(endpoints.ChangeToken);
            foreach (var endpoint in endpoints.Endpoints)
            {
                var text = endpoint.ToString()!;
                var target = new Uri(text.Contains("://") ? text : $"{address.Scheme}://{text}");
                var resolvedAddress = new UriBuilder(address) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
                resolved[$"{name}[{text}]"] = destination with { Address = resolvedAddress.ToString() };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}
