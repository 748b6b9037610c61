namespace RapAnalyzer.AppHost.Hosting;

/// <summary>The Aspire-shaped verbs that declare resources and how they depend on each other.</summary>
public static class ResourceBuilderExtensions
{
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new PostgresServerResource(name));

    public static IResourceBuilder<PostgresServerResource> WithPgVector(this IResourceBuilder<PostgresServerResource> builder)
    {
        builder.Resource.Extensions.Add("vector");
        return builder;
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<PostgresServerResource> builder,
        string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);
        return builder.ApplicationBuilder.AddResource(database);
    }

    public static IResourceBuilder<RedisResource> AddRedis(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RedisResource(name));

    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this DistributedApplicationBuilder builder, string name) =>
        builder.AddResource(new RabbitMQServerResource(name));

    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this DistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new() =>
        builder.AddResource(new ProjectResource(name, new TProject()));

    public static IResourceBuilder<ProjectResource> WithGrpcEndpoint(this IResourceBuilder<ProjectResource> builder)
    {
        builder.Resource.EndpointList.Add(ProjectResource.Grpc);
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithReference(this IResourceBuilder<ProjectResource> builder,
        IResourceBuilder<IResource> source)
    {
        builder.ApplicationBuilder.AddRelation(new ResourceRelation(builder.Resource, source.Resource, RelationKind.Reference));
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WaitFor(this IResourceBuilder<ProjectResource> builder,
        IResourceBuilder<IResource> dependency)
    {
        builder.ApplicationBuilder.AddRelation(new ResourceRelation(builder.Resource, dependency.Resource, RelationKind.WaitFor));
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithEnvironment(this IResourceBuilder<ProjectResource> builder,
        string name, string value)
    {
        builder.Resource.Environment[name] = value;
        return builder;
    }

    /// <summary>Passes the AppHost's own value of these variables on to the project, when they are set.</summary>
    public static IResourceBuilder<ProjectResource> WithEnvironmentFromHost(this IResourceBuilder<ProjectResource> builder,
        params string[] names)
    {
        builder.Resource.ForwardedEnvironment.AddRange(names);
        return builder;
    }

    /// <summary>Marks the project as reachable from outside the cluster (the Ingress points at it).</summary>
    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder)
    {
        builder.Resource.IsExternal = true;
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Replicas = replicas;
        return builder;
    }
}
