using System.Text.Json;
using Grpc.Core;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Protos.Catalog;
using TrackSummary = RapAnalyzer.Protos.Catalog.TrackSummary;

namespace RapAnalyzer.Catalog.Grpc;

public sealed class CatalogGrpcService(TrackQueries queries, ArtistQueries artists, TrackSearch search, SimilarTracks similar, LyricsCorpus corpus) : RapAnalyzer.Protos.Catalog.Catalog.CatalogBase
{
    public override async Task<TrackReply> GetTrack(GetTrackRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.TrackId, out var id))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "track_id must be a GUID."));
        }
        var track = await queries.GetTrackAsync(id, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No track {id}."));
        return new TrackReply
        {
            TrackId = track.Id.ToString(),
            Title = track.Title,
            Artist = track.Artist,
            Album = track.Album ?? "",
            Year = track.Year ?? 0,
            Lyrics = track.Lyrics,
            Source = track.Source,
            SourceId = track.SourceId,
            Language = track.Language ?? "",
            Views = track.Views ?? 0,
            FeaturesJson = track.Features is null ? "" : JsonSerializer.Serialize(track.Features, JsonSerializerOptions.Web),
            LatestAnalysisJson = track.LatestAnalysis?.ResultJson ?? "",
            QualityScore = track.Quality?.Score ?? 0,
            HasQualityScore = track.Quality is not null,
        };
    }

    public override async Task<ArtistReply> GetArtist(GetArtistRequest request, ServerCallContext context)
    {
        if (Artist.NameProblem("name", request.Name) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }
        var artist = await artists.GetArtistAsync(request.Name, context.CancellationToken)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"No artist '{request.Name}'."));
        return new ArtistReply
        {
            Name = artist.Name,
            TrackCount = artist.Tracks,
            FirstYear = artist.FirstYear ?? 0,
            LastYear = artist.LastYear ?? 0,
            UniqueWordsFirst35K = artist.Vocabulary.UniqueWords,
            LyricWords = artist.Vocabulary.WordsCounted,
        };
    }

    public override async Task<ListTracksReply> ListTracks(ListTracksRequest request, ServerCallContext context)
    {
        // Proto3 sends 0 for a field not set: that is the default, and any other value is validated as given.
        var query = new TrackListQuery(
            request.Page?.Page is { } page and not 0 ? page : 1,
            request.Page?.PageSize is { } size and not 0 ? size : TrackListQuery.DefaultPageSize,
            request.Artist,
            request.YearFrom is not 0 ? request.YearFrom : null,
            request.YearTo is not 0 ? request.YearTo : null);
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, string.Join(" ", errors.Values.SelectMany(v => v))));
        }
        var result = await queries.ListTracksAsync(query, context.CancellationToken);
        var reply = new ListTracksReply { Total = result.Total };
        reply.Tracks.AddRange(result.Items.Select(t => new TrackSummary
        {
            TrackId = t.Id.ToString(),
            Title = t.Title,
            Artist = t.Artist,
            Year = t.Year ?? 0,
        }));
        return reply;
    }

    public override async Task<SearchTracksReply> SearchTracks(SearchTracksRequest request, ServerCallContext context)
    {
        var query = SearchReplies.Request(request);
        if (query.Validate(search.Deepest) is { Count: > 0 } errors)
        {
            throw SearchReplies.InvalidArgument(errors);
        }
        try
        {
            return SearchReplies.Reply(await search.SearchAsync(query, context.CancellationToken));
        }
        catch (UnknownModelException e)
        {
            throw SearchReplies.InvalidArgument(new() { ["model"] = [e.Message] });
        }
    }

    public override async Task<SearchTracksReply> SimilarTracks(SimilarTracksRequest request, ServerCallContext context)
    {
        var query = SearchReplies.Request(request);
        if (query.Validate() is { Count: > 0 } errors)
        {
            throw SearchReplies.InvalidArgument(errors);
        }
        try
        {
            var answer = await similar.FindAsync(query, context.CancellationToken)
                ?? throw new RpcException(new Status(StatusCode.NotFound, $"No track {query.TrackId}."));
            return SearchReplies.Reply(answer);
        }
        catch (UnknownModelException e)
        {
            throw SearchReplies.InvalidArgument(new() { ["model"] = [e.Message] });
        }
    }

    public override async Task StreamLyrics(LyricsPageRequest request, IServerStreamWriter<TrackLyrics> responseStream, ServerCallContext context)
    {
        Guid? after = null;
        if (request.AfterTrackId.Length > 0)
        {
            after = Guid.TryParse(request.AfterTrackId, out var id)
                ? id
                : throw new RpcException(new Status(StatusCode.InvalidArgument, "after_track_id must be a GUID."));
        }
        if (request.Limit is < 0 or > LyricsCorpus.MaxPageSize)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"limit must be between 1 and {LyricsCorpus.MaxPageSize}."));
        }
        if (request.Artist.Length > 0 && Artist.NameProblem("artist", request.Artist) is { } problem)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, problem));
        }
        var limit = request.Limit == 0 ? LyricsCorpus.DefaultPageSize : request.Limit;
        await foreach (var track in corpus.PageAsync(after, limit, request.Artist).WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(new TrackLyrics
            {
                TrackId = track.Id.ToString(),
                Artist = track.Artist,
                Lyrics = track.Lyrics,
                ContentHash = track.ContentHash,
            }, context.CancellationToken);
        }
    }
}
