namespace RapAnalyzer.Inference.Generation;

/// <summary>Answers a generation request with the embedded generator, or says why it cannot yet.</summary>
public sealed class GenerationService(LineIndex index, GenerationModel model, EmbeddedLyricsGenerator embedded)
{
    public GenerationOutcome Generate(GenerationRequest request)
    {
        string? artist = null;
        if (!string.IsNullOrWhiteSpace(request.Artist))
        {
            artist = index.Artist(request.Artist);
            if (artist is null)
            {
                return new GenerationOutcome.UnknownArtist($"No lines of artist '{request.Artist}' are indexed.");
            }
        }
        if (model.Ranker is not { } ranker)
        {
            return new GenerationOutcome.NotReady(model.Build is null
                ? "The line index is still being built from the catalog."
                : $"The corpus is too small to train the next-line ranker yet: {index.Lines} lines in {index.Verses} verses, "
                  + $"at least {RankerTraining.MinimumQueries} verses of two lines or more needed.");
        }
        return new GenerationOutcome.Generated(embedded.Generate(request, artist, ranker));
    }
}

public abstract record GenerationOutcome
{
    public sealed record Generated(GeneratedLyrics Lyrics) : GenerationOutcome;

    public sealed record UnknownArtist(string Problem) : GenerationOutcome;

    public sealed record NotReady(string Problem) : GenerationOutcome;
}
