namespace RapAnalyzer.AppHost.Hosting;

/// <summary>Something the app model runs: a server, a database on a server, or a project.</summary>
public interface IResource
{
    string Name { get; }
}

/// <summary>A resource others reach through <c>ConnectionStrings__{Name}</c>.</summary>
public interface IResourceWithConnectionString : IResource
{
    string GetConnectionString(IResourceAddressing addressing);
}

/// <summary>A resource that listens on named endpoints.</summary>
public interface IResourceWithEndpoints : IResource
{
    IReadOnlyList<EndpointSpec> Endpoints { get; }
}

/// <summary>A resource that lives inside another (a database inside its server).</summary>
public interface IResourceWithParent : IResource
{
    IResource Parent { get; }
}
