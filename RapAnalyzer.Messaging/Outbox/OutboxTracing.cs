using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Messaging.Outbox;

/// <summary>
/// Carries the W3C trace context of whatever saved an outbox row over to its publishing: the dispatcher publishes from
/// a background loop with no trace of its own, so without this the event's consumers would start a new trace.
/// </summary>
internal static class OutboxTracing
{
    private static readonly ActivitySource Source = new(RapAnalyzerTelemetry.OutboxSourceName);

    /// <summary>The current activity's traceparent and tracestate; none for a hierarchical id, which is no traceparent.</summary>
    public static (string? TraceParent, string? TraceState) CaptureCurrent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? (current.Id, current.TraceStateString) : (null, null);

    /// <summary>
    /// A producer activity in the saved trace, current while MassTransit publishes so its send activity (and the
    /// consumers downstream) continue that trace. A row saved outside any trace gets a trace of its own.
    /// </summary>
    public static Activity? StartPublish(OutboxMessage message, Type messageType)
    {
        // Remote: the context comes from storage, perhaps written by another replica, not from an activity of this process.
        ActivityContext.TryParse(message.TraceParent, message.TraceState, isRemote: true, out var parent);
        return Source.StartActivity($"outbox publish {messageType.Name}", ActivityKind.Producer, parent);
    }
}
