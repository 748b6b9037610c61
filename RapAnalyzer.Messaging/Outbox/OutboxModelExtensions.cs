using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace RapAnalyzer.Messaging.Outbox;

public static class OutboxModelExtensions
{
    public const string TableName = "outbox_messages";

    public static ModelBuilder AddOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(TableName);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.MessageType).HasMaxLength(300);
            outbox.Property(m => m.Body).HasColumnType("jsonb");
            // A W3C traceparent is 55 characters; a tracestate has no fixed bound (W3C asks to pass on at least 512).
            outbox.Property(m => m.TraceParent).HasMaxLength(55);
            outbox.HasIndex(m => m.MessageId).IsUnique();
            // Only unsent rows are ever scanned, so the index stays small however long the history grows.
            outbox.HasIndex(m => m.Id).HasFilter("\"SentAt\" IS NULL").HasDatabaseName("IX_outbox_messages_unsent");
        });
        return modelBuilder;
    }

    /// <summary>
    /// Adds the event to the unit of work; it is published only once SaveChanges has committed it, in the trace of the
    /// activity current now.
    /// </summary>
    public static void EnqueueEvent<TEvent>(this DbContext db, TEvent message) where TEvent : class
    {
        var type = typeof(TEvent);
        var (traceParent, traceState) = OutboxTracing.CaptureCurrent();
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = Guid.CreateVersion7(),
            MessageType = $"{type.FullName}, {type.Assembly.GetName().Name}",
            Body = JsonSerializer.Serialize(message, JsonSerializerOptions.Web),
            CreatedAt = DateTimeOffset.UtcNow,
            TraceParent = traceParent,
            TraceState = traceState,
        });
    }
}
