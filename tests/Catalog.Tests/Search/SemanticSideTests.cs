using Microsoft.Extensions.Options;
using Npgsql;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Tests.Search;

public class SemanticSideTests
{
    private static readonly IOptions<SearchOptions> Settings = Options.Create(new SearchOptions());
    private static readonly SemanticSide Side = new(new SemanticSearch(Settings), new LineSearch(new LineSignsInMemory(), Settings), Settings);

    [Test]
    public async Task The_pooled_vectors_and_the_lines_are_read_at_once()
    {
        var reads = new MeetingReads(expected: 2);

        await Side.FindAsync(reads, EmbeddingModels.UseLite, new float[EmbeddingModels.UseLiteDimensions], new SearchFilters(), false, 100, default);

        Assert.That(reads.Started, Is.EqualTo(2));
    }

    [Test]
    public async Task A_model_without_lines_reads_the_pooled_vectors_alone()
    {
        var reads = new MeetingReads(expected: 1);

        await Side.FindAsync(reads, "another-model@1", new float[384], new SearchFilters(), false, 100, default);

        Assert.That(reads.Started, Is.EqualTo(1));
    }

    /// <summary>
    /// Lets a read finish only once the expected number of reads have begun, so reads made one after another never
    /// finish (and the test times out); answers nothing, which is all the side needs to return.
    /// </summary>
    private sealed class MeetingReads(int expected) : ICatalogReads
    {
        private readonly TaskCompletionSource all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int started;

        public int Started => started;

        public async Task<T> ReadAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> read, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref started) == expected)
            {
                all.SetResult();
            }
            await all.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return default!;
        }
    }
}
