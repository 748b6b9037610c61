namespace RapAnalyzer.Enrichment.Features;

public static class Readability
{
    /// <summary>
    /// Flesch reading ease, 206.835 − 1.015 × words per sentence − 84.6 × syllables per word, with lines as the
    /// sentences: lyrics carry little sentence punctuation, and the line is the unit a listener hears. 0 for no words.
    /// </summary>
    public static double FleschReadingEase(int lines, int words, int syllables) =>
        words == 0 || lines == 0 ? 0 : 206.835 - 1.015 * words / lines - 84.6 * syllables / words;
}
