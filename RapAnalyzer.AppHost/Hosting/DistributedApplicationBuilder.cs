namespace RapAnalyzer.AppHost.Hosting;

/// <summary>Collects the resources and their relations; <see cref="Build"/> validates them into a model.</summary>
public sealed class DistributedApplicationBuilder
{
    private readonly List<IResource> _resources = [];
    private readonly List<ResourceRelation> _relations = [];

    public IReadOnlyList<IResource> Resources => _resources;
    public IReadOnlyList<ResourceRelation> Relations => _relations;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        _resources.Add(resource);
        return new ResourceBuilder<T>(this, resource);
    }

    public void AddRelation(ResourceRelation relation) => _relations.Add(relation);

    public DistributedApplicationModel Build() => DistributedApplicationModel.Create(_resources, _relations);
}
