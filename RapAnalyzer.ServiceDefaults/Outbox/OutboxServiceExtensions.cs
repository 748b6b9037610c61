using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace RapAnalyzer.ServiceDefaults.Outbox;

public static class OutboxServiceExtensions
{
    public static IServiceCollection AddOutboxDispatcher<TContext>(this IServiceCollection services) where TContext : DbContext =>
        services.AddHostedService<OutboxDispatcher<TContext>>();
}
