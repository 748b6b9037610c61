namespace RapAnalyzer.Inference.Generation;

/// <summary>One lyric line of the corpus: its verse (lines of one verse have consecutive ids) and the end-rhyme key it is filed under.</summary>
public readonly record struct IndexedLine(int Id, string Text, string Artist, int Verse, string EndKey, string LastWord);
