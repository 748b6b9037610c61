namespace RapAnalyzer.AppHost.Hosting;

public sealed class RedisResource(string name) : IResourceWithConnectionString, IResourceWithEndpoints
{
    public const string Image = "redis:7.0";
    public static readonly EndpointSpec Tcp = new("tcp", "tcp", 6379);

    public string Name { get; } = name;
    public IReadOnlyList<EndpointSpec> Endpoints { get; } = [Tcp];

    public string GetConnectionString(IResourceAddressing addressing) => $"{addressing.Host(this)}:{addressing.Port(this, Tcp)}";
}
