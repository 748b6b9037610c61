namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// A text as TF-IDF weights over its words, the cheap semantic coherence DeepBeat measured between a candidate line
/// and the lines before it; <see cref="Cosine"/> of two is 0 when they share no word.
/// </summary>
public sealed class TermVector
{
    public static readonly TermVector Empty = new(new Dictionary<string, double>());

    private readonly Dictionary<string, double> _weights;
    private readonly double _norm;

    private TermVector(Dictionary<string, double> weights)
    {
        _weights = weights;
        _norm = Math.Sqrt(weights.Values.Sum(w => w * w));
    }

    public static TermVector Of(IEnumerable<string> texts, Func<string, double> inverseDocumentFrequency)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in texts.SelectMany(Terms.Of))
        {
            weights[term] = weights.GetValueOrDefault(term) + 1;
        }
        foreach (var term in weights.Keys)
        {
            weights[term] *= inverseDocumentFrequency(term);
        }
        return new TermVector(weights);
    }

    public double Cosine(TermVector other)
    {
        if (_norm == 0 || other._norm == 0)
        {
            return 0;
        }
        var (small, large) = _weights.Count <= other._weights.Count ? (this, other) : (other, this);
        var dot = small._weights.Sum(pair => large._weights.TryGetValue(pair.Key, out var w) ? pair.Value * w : 0);
        return dot / (_norm * other._norm);
    }
}
