namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// A song's sentiment from its lines' VADER compound scores. The score is the mean over the lines that carry any
/// sentiment (a song is mostly lines without one); the label is positive or negative past VADER's ±0.05 threshold,
/// mixed when at least a third of those lines lean each way and the mean stays within ±0.3, else neutral. The
/// confidence is the share of sentiment lines that agree with the label, scaled down for songs with fewer than eight.
/// </summary>
public static class SongSentiment
{
    public const double Threshold = 0.05;
    private const double MixedShare = 1.0 / 3;
    private const double MixedBound = 0.3;
    private const int ConfidentLines = 8;

    public static SentimentResult Of(VaderSentiment vader, IEnumerable<string> lines)
    {
        var scores = lines.Select(vader.Compound).Where(s => Math.Abs(s) >= Threshold).ToArray();
        if (scores.Length == 0)
        {
            return new SentimentResult("neutral", 0, 0.5);
        }
        var mean = scores.Average();
        var positive = scores.Count(s => s > 0) / (double)scores.Length;
        var negative = 1 - positive;
        var coverage = Math.Min(1, scores.Length / (double)ConfidentLines);
        var (label, agreement) = mean switch
        {
            _ when positive >= MixedShare && negative >= MixedShare && Math.Abs(mean) < MixedBound => ("mixed", 1 - Math.Abs(positive - negative)),
            >= Threshold => ("positive", positive),
            <= -Threshold => ("negative", negative),
            _ => ("neutral", 1 - Math.Abs(positive - negative)),
        };
        return new SentimentResult(label, Math.Round(mean, 3), Math.Round(agreement * coverage, 3));
    }
}
