namespace RapAnalyzer.AppHost.LocalServers;

public static class LocalServerState
{
    /// <summary>The dashboard's view of a resource the AppHost does not run itself: up from the start.</summary>
    public static CustomResourceSnapshot Running(string resourceType, bool configured) => new()
    {
        ResourceType = resourceType,
        State = KnownResourceStates.Running,
        Properties = configured ? [new("source", "ConnectionStrings (configured, not started by the AppHost)")] : [],
    };
}
