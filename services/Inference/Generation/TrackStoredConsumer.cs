using MassTransit;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Generation;

/// <summary>Keeps the line index current: a stored track's lines are added, a revised track's replace its old ones.</summary>
public sealed class TrackStoredConsumer(LineIndex index, CorpusIndexer indexer) : IConsumer<TrackStored>
{
    public Task Consume(ConsumeContext<TrackStored> context)
    {
        var track = context.Message;
        if (index.Add(track.TrackId, track.Artist, track.Lyrics, track.ContentHash))
        {
            indexer.Grew();
        }
        return Task.CompletedTask;
    }
}
