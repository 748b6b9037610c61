namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// A title the catalog's database refuses while this lives (a CHECK constraint): a refusal only the database knows, as a
/// column limit was before the catalog checked the limits itself.
/// </summary>
public sealed class RefusedTitle : IAsyncDisposable
{
    private RefusedTitle()
    {
    }

    public string Title { get; } = $"Refused {Guid.NewGuid():N}";

    public string Constraint { get; } = $"test_refuses_{Guid.NewGuid():N}";

    public static async Task<RefusedTitle> CreateAsync()
    {
        var refused = new RefusedTitle();
        await CatalogDatabase.ExecuteAsync($"""ALTER TABLE catalog.tracks ADD CONSTRAINT {refused.Constraint} CHECK ("Title" <> '{refused.Title}')""");
        return refused;
    }

    public async ValueTask DisposeAsync() => await CatalogDatabase.ExecuteAsync($"ALTER TABLE catalog.tracks DROP CONSTRAINT {Constraint}");
}
