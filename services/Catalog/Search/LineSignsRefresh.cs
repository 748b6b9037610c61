using System.Collections;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// Keeps <see cref="LineSignsInMemory"/> as the database has the lines: loads them all at start, then every
/// <see cref="SearchOptions.LineRefreshInterval"/> reads the tracks whose lines changed since. Triggers on
/// <c>catalog.line_signs</c> (migration <c>LineSignsInMemory</c>) note each such track in
/// <c>catalog.line_sign_changes</c> with the id of the transaction that changed it; a read asks for the changes of
/// transactions at or after the oldest one running at its previous read, so one that commits late is never missed,
/// whichever replica's consumer wrote it. The catalog's own writers call <see cref="CatchUpAsync"/> after they
/// commit, so this replica searches what it just stored.
/// </summary>
public sealed class LineSignsRefresh(ICatalogReads reads, LineSignsInMemory memory, IOptions<SearchOptions> options, ILogger<LineSignsRefresh> logger)
    : BackgroundService
{
    /// <summary>Tracks whose lines are read in one query.</summary>
    private const int TracksPerRead = 2_000;

    private readonly SemaphoreSlim _gate = new(1, 1);

    // The oldest transaction that was running at the last read, and the change of each track last applied: a change
    // seen again, while an older transaction keeps the horizon back, is not read again.
    private ulong? _horizon;
    private readonly Dictionary<Guid, ulong> _applied = [];

    /// <summary>
    /// Reads what changed since the last read (everything, the first time) into memory, after any read under way.
    /// A failure is logged, not thrown: it leaves memory as it was, and the next read catches up.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_horizon is null)
            {
                await LoadAllAsync(cancellationToken);
            }
            else
            {
                await ReadChangesAsync(_horizon.Value, cancellationToken);
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The line signs in memory could not be brought up to date; the next read tries again");
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LineRefreshInterval);
        do
        {
            await CatchUpAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task LoadAllAsync(CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        // The horizon before the lines, each statement in its own snapshot: a change committed between them is read
        // twice, never missed.
        var (horizon, loaded) = await reads.ReadAsync(async (connection, transaction) =>
            (await HorizonAsync(connection, transaction, cancellationToken), await ReadLinesAsync(connection, transaction, null, cancellationToken)),
            cancellationToken);
        memory.Replace(loaded);
        memory.MarkLoaded();
        _horizon = horizon;
        logger.LogInformation("Loaded {Lines} line signs of {Tracks} tracks into memory ({Megabytes:0} MB) in {Seconds:0.0} s",
            memory.Lines, memory.Tracks, memory.Bytes / 1e6, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
    }

    private async Task ReadChangesAsync(ulong since, CancellationToken cancellationToken)
    {
        var (horizon, changes) = await reads.ReadAsync(async (connection, transaction) =>
        {
            var horizon = await HorizonAsync(connection, transaction, cancellationToken);
            await using var command = new NpgsqlCommand("""SELECT "TrackId", "Xid" FROM catalog.line_sign_changes WHERE "Xid" >= @since""", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter("since", NpgsqlDbType.Xid8) { Value = since });
            var found = new List<(Guid Track, ulong Xid)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetGuid(0), reader.GetFieldValue<ulong>(1)));
            }
            return (horizon, found);
        }, cancellationToken);
        var unread = changes.Where(c => !_applied.TryGetValue(c.Track, out var xid) || xid != c.Xid).ToList();
        foreach (var chunk in unread.Chunk(TracksPerRead))
        {
            var ids = chunk.Select(c => c.Track).ToArray();
            var lines = await reads.ReadAsync((connection, transaction) => ReadLinesAsync(connection, transaction, ids, cancellationToken), cancellationToken);
            var withLines = lines.Select(t => t.TrackId).ToHashSet();
            memory.Replace([.. lines, .. ids.Where(id => !withLines.Contains(id)).Select(id => new TrackLineSigns(id, [], []))]);
            foreach (var (track, xid) in chunk)
            {
                _applied[track] = xid;
            }
        }
        _horizon = horizon;
        // Changes older than the new horizon are never asked for again.
        foreach (var (track, _) in changes.Where(c => c.Xid < horizon))
        {
            _applied.Remove(track);
        }
    }

    /// <summary>The oldest transaction running now: every change of it or of a later one is at or above it.</summary>
    private static async Task<ulong> HorizonAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_snapshot_xmin(pg_current_snapshot())", connection, transaction);
        return (ulong)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <param name="tracks">The tracks to read, or null for all.</param>
    private static async Task<IReadOnlyList<TrackLineSigns>> ReadLinesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        Guid[]? tracks, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT "TrackId", "Ordinal", "Signs" FROM catalog.line_signs
            WHERE "ModelId" = '{LineSearch.ModelId}'{(tracks is null ? "" : """ AND "TrackId" = ANY(@tracks)""")}
            ORDER BY "TrackId", "Ordinal"
            """, connection, transaction) { CommandTimeout = 0 };
        if (tracks is not null)
        {
            command.Parameters.AddWithValue("tracks", tracks);
        }
        var read = new List<TrackLineSigns>();
        var (current, ordinals, signs) = (Guid.Empty, new List<int>(), new List<ulong>());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var track = reader.GetGuid(0);
            if (track != current && ordinals.Count > 0)
            {
                read.Add(new TrackLineSigns(current, ordinals, [.. signs]));
                (ordinals, signs) = ([], []);
            }
            current = track;
            var bits = reader.GetFieldValue<BitArray>(2);
            if (bits.Length != LineSearch.Bits)
            {
                continue;
            }
            ordinals.Add(reader.GetInt32(1));
            signs.AddRange(LineSignsInMemory.WordsOf(bits));
        }
        if (ordinals.Count > 0)
        {
            read.Add(new TrackLineSigns(current, ordinals, [.. signs]));
        }
        return read;
    }
}
