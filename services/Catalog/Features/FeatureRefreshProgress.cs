namespace RapAnalyzer.Catalog.Features;

/// <summary>
/// How far the refresh to <see cref="TargetVersion"/> is: of the <see cref="Tracks"/> with features, <see cref="Current"/>
/// have them in that version; <see cref="Requested"/> of the others are being computed again, <see cref="Waiting"/>
/// are still to be asked for. <see cref="State"/>: none (never started), sending, computing, or done.
/// </summary>
public sealed record FeatureRefreshProgress(
    int TargetVersion,
    string State,
    int Tracks,
    int Current,
    int Requested,
    int Waiting,
    double Percent,
    DateTimeOffset? StartedAt,
    DateTimeOffset? RequestsSentAt);
