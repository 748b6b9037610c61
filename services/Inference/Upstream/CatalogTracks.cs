using System.Text.Json;
using Grpc.Core;
using RapAnalyzer.Contracts;
using RapAnalyzer.Protos.Catalog;

namespace RapAnalyzer.Inference.Upstream;

/// <summary>A stored track's lyrics and features, as an analysis by track id needs them, and what a TrackAnalyzed names.</summary>
public sealed record StoredTrack(Guid Id, string Lyrics, TrackFeatures? Features, string Artist, int? Year);

/// <summary>Thrown when the catalog cannot be asked: an analysis by track id then has nothing to analyze.</summary>
public sealed class CatalogUnavailableException(string message, Exception inner) : Exception(message, inner);

public sealed class CatalogTracks(Catalog.CatalogClient catalog)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>The track, or null when the catalog has none of that id.</summary>
    public async Task<StoredTrack?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await catalog.GetTrackAsync(new GetTrackRequest { TrackId = id.ToString() }, deadline: DateTime.UtcNow + Deadline,
                cancellationToken: cancellationToken);
            var features = string.IsNullOrEmpty(reply.FeaturesJson) ? null : JsonSerializer.Deserialize<TrackFeatures>(reply.FeaturesJson, JsonSerializerOptions.Web);
            return new StoredTrack(id, reply.Lyrics, features, reply.Artist, reply.Year == 0 ? null : reply.Year);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled || !cancellationToken.IsCancellationRequested)
        {
            throw new CatalogUnavailableException($"The catalog could not be asked for track {id} ({e.StatusCode}).", e);
        }
    }
}
