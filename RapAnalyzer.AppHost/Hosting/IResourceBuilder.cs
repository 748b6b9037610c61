namespace RapAnalyzer.AppHost.Hosting;

/// <summary>A resource being declared, and the application it belongs to, as in Aspire.</summary>
public interface IResourceBuilder<out T> where T : IResource
{
    DistributedApplicationBuilder ApplicationBuilder { get; }
    T Resource { get; }
}

internal sealed record ResourceBuilder<T>(DistributedApplicationBuilder ApplicationBuilder, T Resource) : IResourceBuilder<T>
    where T : IResource;
