namespace RapAnalyzer.AppHost.Run;

/// <summary>Polls a readiness probe until it passes, the process dies, or the timeout ends.</summary>
public static class Readiness
{
    public static async Task WaitAsync(string resource, Func<CancellationToken, Task<bool>> probe, TimeSpan timeout,
        CancellationToken cancellationToken, Func<bool>? hasExited = null)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        Exception? last = null;
        while (true)
        {
            try
            {
                if (await probe(deadline.Token))
                {
                    return;
                }
            }
            catch (Exception e) when (!deadline.IsCancellationRequested)
            {
                last = e;
            }
            if (hasExited?.Invoke() == true && !cancellationToken.IsCancellationRequested)
            {
                // A supervised project is restarted; a server that exits while starting has failed.
                throw new InvalidOperationException($"{resource} exited while starting; see its log lines above.");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{resource} was not healthy within {timeout.TotalSeconds:0} s{(last is null ? "" : $": {last.Message}")}.");
            }
        }
    }
}
