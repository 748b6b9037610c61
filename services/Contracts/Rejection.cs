namespace RapAnalyzer.Contracts;

/// <summary>Why a track or a record is refused: the field at fault (null when it is the record as a whole) and the reason.</summary>
public sealed record Rejection(string? Field, string Reason)
{
    /// <summary>The field and the reason as one sentence, for a fault or a validation problem.</summary>
    public string Message => Field is null ? $"{Reason}." : $"{Field} {Reason}.";
}
