namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>A trie of vocabulary pieces by code point; inserting a piece again replaces its score and id.</summary>
sealed class TokenTrie
{
    public Node Root { get; } = new();

    public void Insert(int[] symbols, double score, int id)
    {
        if (symbols.Length == 0) return;
        var node = Root;
        foreach (var symbol in symbols)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(symbol, out var child))
                node.Children[symbol] = child = new Node();
            node = child;
        }
        node.IsEnd = true;
        node.Score = score;
        node.Id = id;
    }

    public sealed class Node
    {
        public Dictionary<int, Node>? Children { get; set; }
        public bool IsEnd { get; set; }
        public double Score { get; set; }
        public int Id { get; set; }

        public Node? Child(int symbol) => Children is not null && Children.TryGetValue(symbol, out var child) ? child : null;
    }
}
