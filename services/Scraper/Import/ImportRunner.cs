using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Import;

/// <summary>Runs an import of a file as a background job that outlives the request that started it.</summary>
public sealed class ImportRunner(JobStore jobs, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    ILogger<ImportRunner> logger)
{
    public async Task<Job> StartAsync(string path, DatasetFormat format, bool deleteWhenDone)
    {
        var job = await jobs.CreateAsync("import");
        _ = Task.Run(() => RunAsync(path, format, deleteWhenDone, job, lifetime.ApplicationStopping));
        return job;
    }

    private async Task RunAsync(string path, DatasetFormat format, bool deleteWhenDone, Job job, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<DatasetImporter>();
            await using (var stream = File.OpenRead(path))
            {
                await importer.ImportAsync(stream, format, job, cancellationToken);
            }
            job.Finish(JobState.Completed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            job.Finish(JobState.Interrupted, jobs.StoppedReason);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import {JobId} of {Path} failed", job.Id, path);
            job.Finish(JobState.Failed, e.Message);
        }
        finally
        {
            if (deleteWhenDone)
            {
                File.Delete(path);
            }
            // Saved at once rather than at the next heartbeat, so every replica reports the end straight away.
            await jobs.FlushAsync();
        }
    }
}
