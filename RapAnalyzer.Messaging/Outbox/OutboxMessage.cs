namespace RapAnalyzer.Messaging.Outbox;

/// <summary>An event saved in the same transaction as the change it announces, published afterwards.</summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public Guid MessageId { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>The W3C trace context of the activity that saved the event, which its publishing continues; null when none ran.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }
}
