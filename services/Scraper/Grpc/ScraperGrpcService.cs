using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RapAnalyzer.Protos.Scraper;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Scraping;
using JobError = RapAnalyzer.Protos.Scraper.JobError;

namespace RapAnalyzer.Scraper.Grpc;

public sealed class ScraperGrpcService(JobStore jobs, ImportRunner imports, ScrapeRunner scrapes, IOptions<GeniusOptions> genius)
    : RapAnalyzer.Protos.Scraper.Scraper.ScraperBase
{
    public override async Task<JobReply> StartScrape(StartScrapeRequest request, ServerCallContext context)
    {
        // proto3 cannot tell an unset song_limit from 0, so 0 means "the default".
        int? songLimit = request.SongLimit == 0 ? null : request.SongLimit;
        if (!ScrapeOrderValidation.TryCreate(request.Artists, songLimit, ScrapeOrderValidation.FieldNames.Proto, out var order, out var errors))
        {
            var message = string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
            throw new RpcException(new Status(StatusCode.InvalidArgument, message));
        }
        if (!genius.Value.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, GeniusOptions.NotConfiguredMessage));
        }
        return ToReply((await scrapes.StartAsync(order.Artists, order.SongLimit)).Snapshot());
    }

    public override async Task<JobReply> StartImport(StartImportRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Path) || !File.Exists(request.Path))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"path: no file '{request.Path}' on the scraper's machine."));
        }
        var format = DatasetFormats.FromName(request.Format, request.Path)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"format: '{request.Format}' is not supported (nor is the file's extension); use csv or jsonl."));
        return ToReply((await imports.StartAsync(request.Path, format)).Snapshot());
    }

    public override async Task<JobReply> GetJob(GetJobRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.JobId, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "job_id must be a GUID."));
        }
        try
        {
            var job = await jobs.FindAsync(id) ?? throw new RpcException(new Status(StatusCode.NotFound, $"No job {id}."));
            return ToReply(job);
        }
        catch (JobStoreUnreachableException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, e.Message));
        }
    }

    private static JobReply ToReply(JobSnapshot job)
    {
        var reply = new JobReply
        {
            JobId = job.Id.ToString(),
            Kind = job.Kind,
            State = job.State.ToString(),
            Found = job.Found,
            Fetched = job.Fetched,
            Stored = job.Stored,
            Updated = job.Updated,
            Rejected = job.Rejected,
            NoLyrics = job.NoLyrics,
            SkippedDuplicate = job.SkippedDuplicate,
            Failed = job.Failed,
            StartedAt = Timestamp.FromDateTimeOffset(job.StartedAt),
            FinishedAt = job.FinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
            Reason = job.Reason ?? "",
        };
        reply.Errors.AddRange(job.Errors.Select(e => new JobError { Item = e.Item ?? "", Reason = e.Reason, Line = e.Line ?? 0, Field = e.Field ?? "" }));
        return reply;
    }
}
