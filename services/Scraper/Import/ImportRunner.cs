using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Import;

/// <summary>Runs imports as jobs: of an upload while its request streams it in, of a file in the background.</summary>
public sealed class ImportRunner(JobStore jobs, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    ILogger<ImportRunner> logger)
{
    public const string JobKind = "import";

    /// <summary>Imports the stream as it is read and returns the job once it has ended.</summary>
    /// <exception cref="ImportFailedException">The import did not complete; the exception says why and has the job.</exception>
    public async Task<JobSnapshot> ImportAsync(Stream stream, DatasetFormat format, CancellationToken cancellationToken)
    {
        var job = await jobs.CreateAsync(JobKind);
        logger.LogInformation("Import {JobId} of an upload started", job.Id);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var failure = await RunAsync(job, (importer, token) => importer.ImportAsync(stream, format, job, token), "an upload", stopping.Token);
        return failure is null ? job.Snapshot() : throw new ImportFailedException(job.Snapshot(), failure);
    }

    /// <summary>Starts importing a file the scraper can read as a background job that outlives the request that started it.</summary>
    public async Task<Job> StartAsync(string path, DatasetFormat format)
    {
        var job = await jobs.CreateAsync(JobKind);
        _ = Task.Run(() => RunAsync(job, async (importer, token) =>
        {
            await using var stream = File.OpenRead(path);
            await importer.ImportAsync(stream, format, job, token);
        }, path, lifetime.ApplicationStopping));
        return job;
    }

    private async Task<Exception?> RunAsync(Job job, Func<DatasetImporter, CancellationToken, Task> import, string what,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await import(scope.ServiceProvider.GetRequiredService<DatasetImporter>(), cancellationToken);
            job.Finish(JobState.Completed);
            return null;
        }
        catch (OperationCanceledException e) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            job.Finish(JobState.Interrupted, jobs.StoppedReason);
            return e;
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            job.Finish(JobState.Failed, "the client went away before the upload ended");
            return e;
        }
        catch (UnreadableHeaderException e)
        {
            logger.LogWarning("Import {JobId} of {What} refused: {Reason}", job.Id, what, e.Message);
            job.Finish(JobState.Failed, e.Message);
            return e;
        }
        catch (BadHttpRequestException e)
        {
            // The client's fault (a body cut short of its Content-Length, one too slow), not the importer's.
            logger.LogWarning("Import {JobId} of {What} ended with the upload: {Reason}", job.Id, what, e.Message);
            job.Finish(JobState.Failed, $"the upload broke off: {e.Message}");
            return e;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {JobId} of {What} failed", job.Id, what);
            job.Finish(JobState.Failed, e.Message);
            return e;
        }
        finally
        {
            // Saved at once rather than at the next heartbeat, so every replica reports the end straight away.
            await jobs.FlushAsync();
        }
    }
}
