namespace RapAnalyzer.AppHost.Hosting;

/// <summary>Implemented by the generated <c>Projects.*</c> classes, one per project the AppHost references.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
}
