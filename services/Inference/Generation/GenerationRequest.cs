using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Generation;

/// <summary>The body of <c>POST /generate</c>; <see cref="Lines"/> defaults to 8 and <see cref="RhymeScheme"/> to AABB.</summary>
public sealed record GenerationRequest(string? Prompt, string? Artist = null, int? Lines = null, string? RhymeScheme = null, int? Seed = null)
{
    public const int MinLines = 1;
    public const int MaxLines = 64;
    public const int DefaultLines = 8;
    public const int MaxPromptLength = 2_000;

    /// <summary>What is wrong with the request, field by field (the JSON names); empty when it can be answered.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (StorableText.Check("prompt", Prompt, MaxPromptLength, required: true, multiline: true) is { } prompt)
        {
            problems["prompt"] = [prompt.Message];
        }
        else if (!Terms.Of(Prompt!).Any())
        {
            problems["prompt"] = ["prompt has no words."];
        }
        if (StorableText.Check("artist", Artist, TrackLimits.MaxArtistLength) is { } artist)
        {
            problems["artist"] = [artist.Message];
        }
        if (Lines is < MinLines or > MaxLines)
        {
            problems["lines"] = [$"lines must be between {MinLines} and {MaxLines} (it is {Lines})."];
        }
        if (RhymeSchemes.Parse(RhymeScheme) is null)
        {
            problems[RhymeSchemes.Field] = [$"rhymeScheme must be one of {string.Join(", ", RhymeSchemes.Names)} (it is '{RhymeScheme}')."];
        }
        return problems;
    }

    public int LineCount => Lines ?? DefaultLines;

    public RhymeScheme Scheme => RhymeSchemes.Parse(RhymeScheme) ?? Generation.RhymeScheme.Aabb;

    /// <summary>The seed asked for, or one of the prompt and artist, so the same request gives the same lines.</summary>
    public int EffectiveSeed => Seed ?? (int)(Convert.ToUInt32(LyricsHash.Compute($"{Prompt}\n{Artist}")[..8], 16) & int.MaxValue);
}
