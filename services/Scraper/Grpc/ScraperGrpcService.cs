using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using RapAnalyzer.Protos.Scraper;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;
using JobError = RapAnalyzer.Protos.Scraper.JobError;

namespace RapAnalyzer.Scraper.Grpc;

public sealed class ScraperGrpcService(JobRegistry jobs, ImportRunner imports) : RapAnalyzer.Protos.Scraper.Scraper.ScraperBase
{
    public override Task<JobReply> StartImport(StartImportRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Path) || !File.Exists(request.Path))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"path: no file '{request.Path}' on the scraper's machine."));
        }
        var format = DatasetFormats.FromName(request.Format, request.Path)
            ?? throw new RpcException(new Status(StatusCode.InvalidArgument, $"format: '{request.Format}' is not supported (nor is the file's extension); use csv or jsonl."));
        return Task.FromResult(ToReply(imports.Start(request.Path, format, deleteWhenDone: false).Snapshot()));
    }

    public override Task<JobReply> GetJob(GetJobRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.JobId, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "job_id must be a GUID."));
        }
        var job = jobs.Find(id) ?? throw new RpcException(new Status(StatusCode.NotFound, $"No job {id}."));
        return Task.FromResult(ToReply(job.Snapshot()));
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
            SkippedDuplicate = job.SkippedDuplicate,
            Failed = job.Failed,
            StartedAt = Timestamp.FromDateTimeOffset(job.StartedAt),
            FinishedAt = job.FinishedAt is { } finished ? Timestamp.FromDateTimeOffset(finished) : null,
            Reason = job.Reason ?? "",
        };
        reply.Errors.AddRange(job.Errors.Select(e => new JobError { Item = e.Item, Message = e.Message }));
        return reply;
    }
}
