namespace RapAnalyzer.AppHost.Services;

/// <summary>When the dashboard's commands on a service can run.</summary>
public static class CommandStates
{
    /// <summary>Enabled while the service runs: these commands call its HTTP API.</summary>
    public static ResourceCommandState WhileRunning(UpdateCommandStateContext context) =>
        context.ResourceSnapshot.State?.Text == KnownResourceStates.Running ? ResourceCommandState.Enabled : ResourceCommandState.Disabled;
}
