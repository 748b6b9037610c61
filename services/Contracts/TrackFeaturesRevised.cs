namespace RapAnalyzer.Contracts;

/// <summary>
/// A stored track's text features computed again (answering <see cref="TrackFeaturesRequested"/>): the features of
/// <see cref="FeaturesVersion"/>, of the lyrics whose hash is <see cref="ContentHash"/>, and the words credited to its artist.
/// </summary>
public sealed record TrackFeaturesRevised(Guid TrackId, TrackFeatures Features, IReadOnlyList<string> ArtistWords, string ContentHash, int FeaturesVersion);
