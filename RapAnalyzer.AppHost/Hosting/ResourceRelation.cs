namespace RapAnalyzer.AppHost.Hosting;

/// <summary>
/// <see cref="Kind"/> Reference: <see cref="From"/> is given <see cref="To"/>'s connection details.
/// <see cref="Kind"/> WaitFor: <see cref="From"/> starts only once <see cref="To"/> is healthy.
/// </summary>
public sealed record ResourceRelation(IResource From, IResource To, RelationKind Kind);

public enum RelationKind
{
    Reference,
    WaitFor,
}
