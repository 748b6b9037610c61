using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.AppHost.Services;

namespace RapAnalyzer.AppHost.Publish;

/// <summary>
/// How resources reach each other in the cluster: through their Service (a database through its server's), on the
/// container port; passwords are the parameters' development values, which an overlay replaces.
/// </summary>
internal static class KubernetesAddressing
{
    public const string BindHost = "+";

    public static string Password(ParameterResource password) => PersistedPassword.DevelopmentValue(password.Name);

    public static string ConnectionString(IResourceWithConnectionString resource) => resource switch
    {
        LocalPostgresResource postgres =>
            $"Host={postgres.Name};Port={LocalPostgresResource.ContainerPort};Username={LocalPostgresResource.UserName};Password={Password(postgres.Password)}",
        PostgresDatabaseResource database => $"{ConnectionString(database.Parent)};Database={database.DatabaseName}",
        LocalRedisResource redis => $"{redis.Name}:{LocalRedisResource.ContainerPort}",
        LocalRabbitMQResource rabbit =>
            $"amqp://{LocalRabbitMQResource.UserName}:{Uri.EscapeDataString(Password(rabbit.Password))}@{rabbit.Name}:{LocalRabbitMQResource.ContainerPort}",
        _ => throw new InvalidOperationException(
            $"'{resource.Name}' is a {resource.GetType().Name}, whose address in a cluster the Kubernetes publisher does not know."),
    };

    /// <summary>The container port of a service's endpoint, the same for every service.</summary>
    public static int ContainerPort(EndpointAnnotation endpoint) => endpoint.Name switch
    {
        ServiceEndpoints.Http => ServiceEndpoints.HttpContainerPort,
        ServiceEndpoints.Grpc => ServiceEndpoints.GrpcContainerPort,
        _ => throw new InvalidOperationException($"A service endpoint named '{endpoint.Name}' has no container port."),
    };

    public static bool IsExternal(ProjectResource project) => project.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal);
}
