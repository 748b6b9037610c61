namespace RapAnalyzer.AppHost.Hosting;

/// <summary>
/// The validated app model: unique names, relations only between declared resources, no dependency cycle,
/// and the resources in an order where each comes after everything it depends on.
/// </summary>
public sealed class DistributedApplicationModel
{
    private DistributedApplicationModel(IReadOnlyList<IResource> ordered, IReadOnlyList<ResourceRelation> relations)
    {
        Resources = ordered;
        Relations = relations;
    }

    /// <summary>Every resource, dependencies first.</summary>
    public IReadOnlyList<IResource> Resources { get; }
    public IReadOnlyList<ResourceRelation> Relations { get; }

    public IEnumerable<T> OfType<T>() => Resources.OfType<T>();

    public IEnumerable<IResource> ReferencesOf(IResource resource) =>
        Relations.Where(r => r.From == resource && r.Kind == RelationKind.Reference).Select(r => r.To);

    /// <summary>What must be healthy before the resource starts: what it waits for, and a database's server.</summary>
    public IEnumerable<IResource> DependenciesOf(IResource resource) =>
        Relations.Where(r => r.From == resource).Select(r => r.To)
            .Concat(resource is IResourceWithParent child ? [child.Parent] : [])
            .Distinct();

    public static DistributedApplicationModel Create(IReadOnlyList<IResource> resources, IReadOnlyList<ResourceRelation> relations)
    {
        var duplicate = resources.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new AppModelException($"Two resources are named '{duplicate.Key}'; resource names must be unique.");
        }
        foreach (var resource in resources)
        {
            if (!ResourceName.IsValid(resource.Name))
            {
                throw new AppModelException($"Resource name '{resource.Name}' is invalid: use lowercase letters, digits and '-', starting with a letter (at most 63 characters).");
            }
        }

        var declared = resources.ToHashSet();
        foreach (var relation in relations)
        {
            if (!declared.Contains(relation.To))
            {
                throw new AppModelException($"'{relation.From.Name}' {Verb(relation.Kind)} '{relation.To.Name}', which is not a resource of this app model; add it to the builder first.");
            }
            if (relation.From == relation.To)
            {
                throw new AppModelException($"'{relation.From.Name}' {Verb(relation.Kind)} itself.");
            }
            if (relation.Kind == RelationKind.Reference && relation.To is not (IResourceWithConnectionString or ProjectResource))
            {
                throw new AppModelException($"'{relation.From.Name}' references '{relation.To.Name}', which has no connection string or service endpoint to pass on; reference one of its databases instead.");
            }
        }

        var model = new DistributedApplicationModel(resources, relations);
        return new DistributedApplicationModel(TopologicalOrder(resources, model), relations);
    }

    private static string Verb(RelationKind kind) => kind == RelationKind.Reference ? "references" : "waits for";

    private static List<IResource> TopologicalOrder(IReadOnlyList<IResource> resources, DistributedApplicationModel model)
    {
        var ordered = new List<IResource>();
        var state = new Dictionary<IResource, bool>(); // false: on the current path, true: done
        var path = new Stack<IResource>();

        void Visit(IResource resource)
        {
            if (state.TryGetValue(resource, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(r => r != resource).Append(resource).Select(r => r.Name);
                    throw new AppModelException($"Dependency cycle: {string.Join(" -> ", cycle)}. A resource cannot depend on itself, directly or through others.");
                }
                return;
            }
            state[resource] = false;
            path.Push(resource);
            foreach (var dependency in model.DependenciesOf(resource))
            {
                Visit(dependency);
            }
            path.Pop();
            state[resource] = true;
            ordered.Add(resource);
        }

        foreach (var resource in resources)
        {
            Visit(resource);
        }
        return ordered;
    }
}

public sealed class AppModelException(string message) : Exception(message);
