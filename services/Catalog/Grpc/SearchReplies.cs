using Grpc.Core;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Protos.Catalog;
using SearchHit = RapAnalyzer.Protos.Catalog.SearchHit;

namespace RapAnalyzer.Catalog.Grpc;

/// <summary>Search's requests and answers in the catalog.proto messages; proto3's 0 and "" read as "not given".</summary>
public static class SearchReplies
{
    public static SearchFilters Filters(SearchFilter? filter) => filter is null ? new SearchFilters() : new SearchFilters(
        Given(filter.Artist), filter.YearFrom is not 0 ? filter.YearFrom : null, filter.YearTo is not 0 ? filter.YearTo : null,
        filter.MinQuality is not 0 ? filter.MinQuality : null, Given(filter.Language));

    public static SearchRequest Request(SearchTracksRequest request)
    {
        var mode = string.IsNullOrEmpty(request.Mode) ? SearchMode.Hybrid
            : SearchRequest.ParseMode(request.Mode) ?? throw InvalidArgument(new() { ["mode"] = ["mode must be hybrid, semantic or text."] });
        return new SearchRequest(request.Query, mode, Given(request.Model), Filters(request.Filter),
            request.Page?.Page is { } page and not 0 ? page : 1,
            request.Page?.PageSize is { } size and not 0 ? size : SearchRequest.DefaultPageSize);
    }

    public static SimilarRequest Request(SimilarTracksRequest request) =>
        Guid.TryParse(request.TrackId, out var id)
            ? new SimilarRequest(id, request.Limit is not 0 ? request.Limit : SimilarRequest.DefaultLimit, Given(request.Model), Filters(request.Filter))
            : throw InvalidArgument(new() { ["track_id"] = ["track_id must be a GUID."] });

    /// <summary>Each field's problems, the field first, as the HTTP API's problem details name them.</summary>
    public static RpcException InvalidArgument(Dictionary<string, string[]> errors) =>
        new(new Status(StatusCode.InvalidArgument, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));

    public static SearchTracksReply Reply(SearchAnswer answer)
    {
        var reply = new SearchTracksReply
        {
            Mode = answer.Mode,
            Model = answer.Model,
            Page = answer.Page,
            PageSize = answer.PageSize,
            TookMs = answer.TookMs,
            Degraded = answer.Notes.Count > 0,
            DegradedReason = string.Join(" ", answer.Notes),
        };
        reply.Notes.AddRange(answer.Notes);
        reply.Hits.AddRange(answer.Items.Select(Hit));
        return reply;
    }

    private static SearchHit Hit(Search.SearchHit hit)
    {
        var reply = new SearchHit
        {
            Track = new TrackSummary { TrackId = hit.Track.Id.ToString(), Title = hit.Track.Title, Artist = hit.Track.Artist, Year = hit.Track.Year ?? 0 },
            Score = hit.Score,
        };
        reply.FoundBy.AddRange(hit.FoundBy);
        reply.Lines.AddRange(hit.Lines.Select(line =>
        {
            var matched = new Protos.Catalog.MatchedLine { Text = line.Text };
            matched.Highlights.AddRange(line.Highlights.Select(span => new Highlight { Start = span[0], End = span[1] }));
            return matched;
        }));
        return reply;
    }

    private static string? Given(string value) => string.IsNullOrEmpty(value) ? null : value;
}
