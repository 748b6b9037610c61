using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RapAnalyzer.Messaging.Outbox;

public static class OutboxServiceExtensions
{
    public static IServiceCollection AddOutboxDispatcher<TContext>(this IServiceCollection services) where TContext : DbContext
    {
        services.TryAddSingleton<OutboxMetrics>();
        return services.AddHostedService<OutboxDispatcher<TContext>>();
    }
}
