using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>
/// Imports of 1,000 rows through the gateway, among them rows of every kind a real dataset or a hostile client sends:
/// too long, NUL, invalid UTF-8, an overflowing year, negative views, placeholder lyrics, 3,000-line lyrics and, in CSV,
/// a stray quote. Every good row is stored and enriched once, every bad one is reported with its line and field, nothing
/// ends in an error queue, and the bad rows corrected are stored by a second import.
/// </summary>
[TestFixture]
public sealed class HostileImportTests
{
    private const int Rows = 1000;
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28];

    [TestCase("jsonl")]
    [TestCase("csv")]
    public async Task Good_rows_are_stored_and_enriched_once_and_bad_rows_are_reported_with_line_and_field(string format)
    {
        var run = $"{format}-{Guid.NewGuid():N}"[..16];
        var rows = Dataset(run, includeStrayQuote: format == "csv");
        var errorsBefore = await ErrorQueueMessagesAsync();

        var (body, lines) = format == "csv" ? Csv(rows) : Jsonl(rows);
        var job = await ImportAsync(body, format);
        var good = rows.Where(r => r.Kind == RowKind.Good).ToList();
        var counts = await Eventually.GetAsync(() => CountAsync(run), c => c.Enriched >= good.Count && c.Embedded >= good.Count,
            TimeSpan.FromMinutes(4));

        var rejected = rows.Where(r => r.Kind == RowKind.Rejected).ToList();
        var errors = job["errors"]!.AsArray().Select(e => (Line: e!["line"]!.GetValue<long>(), Field: e["field"]?.GetValue<string>(),
            Reason: e["reason"]!.GetValue<string>())).ToList();
        var errorsAfter = await ErrorQueueMessagesAsync();
        Assert.Multiple(() =>
        {
            Assert.That(job["found"]!.GetValue<long>(), Is.EqualTo(Rows));
            Assert.That(job["stored"]!.GetValue<long>(), Is.EqualTo(good.Count));
            Assert.That(job["rejected"]!.GetValue<long>(), Is.EqualTo(rejected.Count));
            Assert.That(job["noLyrics"]!.GetValue<long>(), Is.EqualTo(rows.Count(r => r.Kind == RowKind.NoLyrics)));
            Assert.That(job["skippedDuplicate"]!.GetValue<long>(), Is.Zero);
            foreach (var row in rejected)
            {
                var line = lines[row.Index];
                Assert.That(errors.Any(e => e.Line == line && (row.Field is null || e.Field == row.Field)), Is.True,
                    $"row {row.Index} ({row.Why}) is reported at line {line}, field {row.Field ?? "-"}: {string.Join("; ", errors)}");
            }
            if (format == "csv")
            {
                var stray = rows.Single(r => r.Why == "stray quote");
                Assert.That(errors.Any(e => e.Reason.StartsWith($"unterminated quoted field starting at line {lines[stray.Index]}")), Is.True,
                    string.Join("; ", errors));
            }
            Assert.That(counts, Is.EqualTo((Stored: (long)good.Count, Distinct: (long)good.Count, Enriched: (long)good.Count, Embedded: (long)good.Count)));
            Assert.That(errorsAfter, Is.EqualTo(errorsBefore), "messages in the services' error queues");
        });

        var corrected = rejected.Select(r => r.Corrected()).ToList();
        var (correctedBody, _) = format == "csv" ? Csv(corrected) : Jsonl(corrected);
        var again = await ImportAsync(correctedBody, format);
        var after = await Eventually.GetAsync(() => CountAsync(run), c => c.Enriched >= good.Count + corrected.Count, TimeSpan.FromMinutes(2));
        Assert.Multiple(() =>
        {
            Assert.That(again["stored"]!.GetValue<long>(), Is.EqualTo(corrected.Count));
            Assert.That(again["rejected"]!.GetValue<long>(), Is.Zero, again["errors"]!.ToJsonString());
            Assert.That(after.Stored, Is.EqualTo(good.Count + corrected.Count));
            Assert.That(after.Distinct, Is.EqualTo(after.Stored));
        });
    }

    private static async Task<JsonNode> ImportAsync(byte[] body, string format)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(format == "csv" ? "text/csv" : "application/x-ndjson");
        using var accepted = await RunningSystem.Gateway.PostAsync("/import", content);
        Assert.That((int)accepted.StatusCode, Is.EqualTo(202), await accepted.Content.ReadAsStringAsync());
        return await Eventually.GetAsync(
            async () => JsonNode.Parse(await RunningSystem.Gateway.GetStringAsync(accepted.Headers.Location!.ToString()))!,
            j => j["state"]!.GetValue<string>() != "Running", TimeSpan.FromMinutes(1));
    }

    private enum RowKind { Good, Rejected, NoLyrics }

    private sealed record Row(int Index, RowKind Kind, string? Why, string? Field, string Id, string Title, string Artist,
        byte[] Lyrics, string Year, string Views)
    {
        /// <summary>The row as it should have been: same id, every field within the rules.</summary>
        public Row Corrected() => this with
        {
            Kind = RowKind.Good,
            Why = null,
            Title = Title.Length > 100 || Title.Contains('\0') ? $"Corrected {Index}" : Title,
            Artist = Artist.Length > 100 ? $"Corrected artist {Index}" : Artist,
            Lyrics = Lyrics.AsSpan().IndexOf(InvalidUtf8) >= 0 || Why == "stray quote"
                ? Encoding.UTF8.GetBytes($"corrected verse {Index} of {Id}\nnow it reads fine") : Lyrics,
            Year = int.TryParse(Year, out var year) && year is >= 1900 and <= 2026 ? Year : "2001",
            Views = Views.StartsWith('-') ? "0" : Views,
        };
    }

    private static List<Row> Dataset(string run, bool includeStrayQuote)
    {
        var artist = $"Hostile {run}";
        Row Good(int i, string? lyrics = null) =>
            new(i, RowKind.Good, null, null, $"{run}-{i}", $"Song {i}", artist,
                Encoding.UTF8.GetBytes(lyrics ?? $"[Verse 1: {artist}]\nline {i} of {run} with a rhyme\nkeeping time on the climb"), $"{1990 + i % 30}", $"{i}");
        var special = new List<Func<int, Row>>
        {
            i => Good(i) with { Kind = RowKind.Rejected, Why = "artist of 311 characters", Field = "artist", Artist = new string('a', 311) },
            i => Good(i) with { Kind = RowKind.Rejected, Why = "title over 500", Field = "title", Title = new string('t', 501) },
            i => Good(i) with { Kind = RowKind.Rejected, Why = "NUL", Field = "title", Title = "MC\0Example" },
            i => Good(i) with { Kind = RowKind.Rejected, Why = "invalid UTF-8", Field = "lyrics", Lyrics = [.. Encoding.UTF8.GetBytes($"broken {i} "), .. InvalidUtf8, .. "bytes"u8] },
            i => Good(i) with { Kind = RowKind.Rejected, Why = "overflowing year", Field = "year", Year = "4294969297" },
            i => Good(i) with { Kind = RowKind.Rejected, Why = "year 99999", Field = "year", Year = "99999" },
            i => Good(i) with { Kind = RowKind.Rejected, Why = "negative views", Field = "views", Views = "-5" },
            i => Good(i) with { Kind = RowKind.NoLyrics, Why = "[Instrumental]", Lyrics = "[Instrumental]"u8.ToArray() },
            i => Good(i) with { Kind = RowKind.NoLyrics, Why = "[?]", Lyrics = "[?]"u8.ToArray() },
            i => Good(i) with { Kind = RowKind.NoLyrics, Why = "(Instrumental)", Lyrics = "(Instrumental)"u8.ToArray() },
            i => Good(i) with { Kind = RowKind.NoLyrics, Why = "headers only", Lyrics = "[Verse 1]\n\n[Chorus]\n"u8.ToArray() },
            i => Good(i, string.Join('\n', Enumerable.Range(0, 3000).Select(n => $"line {n} of the long one {run}"))),
        };
        if (includeStrayQuote)
        {
            special.Add(i => Good(i) with { Kind = RowKind.Rejected, Why = "stray quote", Field = null });
        }
        // Spread the special rows through the file, so good rows come before and after each.
        var rows = Enumerable.Range(0, Rows).Select(i => Good(i)).ToList();
        for (var s = 0; s < special.Count; s++)
        {
            var index = 40 + s * (Rows - 80) / special.Count;
            rows[index] = special[s](index);
        }
        return rows;
    }

    private static (byte[] Body, Dictionary<int, long> Lines) Jsonl(IReadOnlyList<Row> rows)
    {
        using var body = new MemoryStream();
        var lines = new Dictionary<int, long>();
        foreach (var (row, n) in rows.Select((r, n) => (r, n)))
        {
            lines[row.Index] = n + 1;
            Write(body, $"{{\"id\":{Json(row.Id)},\"title\":{Json(row.Title)},\"artist\":{Json(row.Artist)},\"year\":{row.Year},\"views\":{row.Views},\"lyrics\":\"");
            // Lyrics go in as bytes, so invalid UTF-8 reaches the scraper as it would from a broken file.
            body.Write(row.Lyrics.AsSpan().IndexOf(InvalidUtf8) >= 0 ? row.Lyrics : Encoding.UTF8.GetBytes(JsonEncodedText.Encode(Encoding.UTF8.GetString(row.Lyrics),
                System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()));
            Write(body, "\"}\n");
        }
        return (body.ToArray(), lines);
    }

    private static (byte[] Body, Dictionary<int, long> Lines) Csv(IReadOnlyList<Row> rows)
    {
        using var body = new MemoryStream();
        var lines = new Dictionary<int, long>();
        Write(body, "title,tag,artist,year,views,features,lyrics,id,language\n");
        long line = 2;
        foreach (var row in rows)
        {
            lines[row.Index] = line;
            Write(body, $"{Quoted(row.Title)},rap,{Quoted(row.Artist)},{row.Year},{row.Views},{{}},");
            if (row.Why == "stray quote")
            {
                // A quote opens the lyrics and never closes: the next record's first quote is not its end.
                Write(body, $"\"a stray quote in row {row.Index},{row.Id},en\n");
                line++;
                continue;
            }
            body.WriteByte((byte)'"');
            body.Write(row.Lyrics.AsSpan().IndexOf(InvalidUtf8) >= 0 ? row.Lyrics : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(row.Lyrics).Replace("\"", "\"\"")));
            Write(body, $"\",{row.Id},en\n");
            line += 1 + row.Lyrics.Count(b => b == (byte)'\n');
        }
        return (body.ToArray(), lines);
    }

    private static string Quoted(string field) => $"\"{field.Replace("\"", "\"\"")}\"";

    private static string Json(string value) => JsonSerializer.Serialize(value);

    private static void Write(Stream stream, string text) => stream.Write(Encoding.UTF8.GetBytes(text));

    /// <summary>Messages waiting in the error queues of every consuming service.</summary>
    private static async Task<long> ErrorQueueMessagesAsync()
    {
        long total = 0;
        foreach (var service in new[] { "scraper", "catalog", "enrichment" })
        {
            using var client = RunningSystem.App.CreateHttpClient(service, "http");
            var queues = await client.GetFromJsonAsync<JsonArray>("/errors");
            total += queues!.Sum(q => q!["messages"]!.GetValue<long>());
        }
        return total;
    }

    /// <summary>This run's tracks in the catalog: rows, distinct source ids, with features, with a USE-Lite vector.</summary>
    private static async Task<(long Stored, long Distinct, long Enriched, long Embedded)> CountAsync(string run)
    {
        await using var connection = new NpgsqlConnection(await RunningSystem.App.GetConnectionStringAsync("catalogdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM catalog.tracks WHERE "SourceId" LIKE $1),
                   (SELECT count(DISTINCT "SourceId") FROM catalog.tracks WHERE "SourceId" LIKE $1),
                   (SELECT count(*) FROM catalog.text_features f JOIN catalog.tracks t ON t."Id" = f."TrackId" WHERE t."SourceId" LIKE $1),
                   (SELECT count(*) FROM catalog.track_embeddings e JOIN catalog.tracks t ON t."Id" = e."TrackId" WHERE t."SourceId" LIKE $1 AND e."ModelId" = $2)
            """, connection);
        command.Parameters.AddWithValue($"{run}-%");
        command.Parameters.AddWithValue("use-lite-en@0.2.0");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}
