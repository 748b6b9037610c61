namespace RapAnalyzer.Contracts;

/// <summary>
/// Which computation of the text features a track's features come from, so features of an earlier one are known and
/// recomputed (the catalog's feature refresh). 1: rhymes from CMU dictionary vowels; 2: rhymes as Malmi's code hears
/// them, on eSpeak NG's transcription (issue #9).
/// </summary>
public static class FeaturesVersion
{
    public const int Current = 2;

    /// <summary>What a TrackEnriched sent before the version was carried computed.</summary>
    public const int Unversioned = 1;
}
