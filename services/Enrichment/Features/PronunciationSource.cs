namespace RapAnalyzer.Enrichment.Features;

/// <summary>Where a word's phonemes came from, from the most to the least reliable.</summary>
public enum PronunciationSource
{
    /// <summary>The word's first pronunciation in the CMU Pronouncing Dictionary.</summary>
    Dictionary,

    /// <summary>A dropped g ("rappin'") read as the dictionary's "-ing" word with its final NG as N.</summary>
    DroppedG,

    /// <summary>Digits spelled out as number words, each from the dictionary.</summary>
    Number,

    /// <summary>Read from the spelling by <see cref="SpellingPronouncer"/>: the word is in no dictionary.</summary>
    Spelling,
}
