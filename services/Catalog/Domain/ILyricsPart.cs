namespace RapAnalyzer.Catalog.Domain;

/// <summary>A part of a track's lyrics (a section, a line) stored under one model, by its place among the parts.</summary>
public interface ILyricsPart
{
    string ModelId { get; }
    int Ordinal { get; }
}
