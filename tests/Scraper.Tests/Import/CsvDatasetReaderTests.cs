using System.Text;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Import;

namespace RapAnalyzer.Scraper.Tests.Import;

public sealed class CsvDatasetReaderTests
{
    private const string Header = "title,tag,artist,year,views,features,lyrics,id,language_cld3,language_ft,language";

    private static Task<List<DatasetLine>> ReadAsync(string csv) => ReadAsync(Encoding.UTF8.GetBytes(csv));

    private static async Task<List<DatasetLine>> ReadAsync(byte[] csv)
    {
        var lines = new List<DatasetLine>();
        await foreach (var line in CsvDatasetReader.ReadAsync(new MemoryStream(csv)))
        {
            lines.Add(line);
        }
        return lines;
    }

    [Test]
    public async Task Reads_every_column_of_the_public_dataset_layout()
    {
        var lines = await ReadAsync($"{Header}\nKiller Queen,rock,Queen,1974,1200,\"{{}}\",\"She keeps\nher Moët\",12,en,en,en\n");

        var row = lines.Single().Row!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.Title, Is.EqualTo("Killer Queen"));
            Assert.That(row.Tag, Is.EqualTo("rock"));
            Assert.That(row.Artist, Is.EqualTo("Queen"));
            Assert.That(row.Year, Is.EqualTo("1974"));
            Assert.That(row.Views, Is.EqualTo("1200"));
            Assert.That(row.Features, Is.EqualTo("{}"));
            Assert.That(row.Lyrics, Is.EqualTo("She keeps\nher Moët"));
            Assert.That(row.Id, Is.EqualTo("12"));
            Assert.That(row.Language, Is.EqualTo("en"));
        }
    }

    [Test]
    public async Task Finds_columns_by_header_name_in_any_order_with_a_byte_order_mark()
    {
        var lines = await ReadAsync("\uFEFFlyrics,id,ARTIST,title\r\n\"a, b\",7,X,Y\r\n");

        var row = lines.Single().Row!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(row.Lyrics, Is.EqualTo("a, b"));
            Assert.That(row.Id, Is.EqualTo("7"));
            Assert.That(row.Artist, Is.EqualTo("X"));
            Assert.That(row.Title, Is.EqualTo("Y"));
            Assert.That(row.Year, Is.Null);
        }
    }

    [Test]
    public async Task Doubled_quotes_and_line_breaks_inside_quotes_stay_in_the_field()
    {
        var lines = await ReadAsync("id,title,artist,lyrics\n1,\"He said \"\"yo\"\"\",A,\"one\r\ntwo\n\nthree\"\r\n2,\"\",A,\"\"\"\"\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0].Row!.Title, Is.EqualTo("He said \"yo\""));
            Assert.That(lines[0].Row!.Lyrics, Is.EqualTo("one\r\ntwo\n\nthree"));
            Assert.That((lines[1].LineNumber, lines[1].Row!.Title, lines[1].Row!.Lyrics), Is.EqualTo((6L, "", "\"")));
        }
    }

    [Test]
    public async Task A_quote_inside_an_unquoted_field_is_kept_as_it_is()
    {
        var lines = await ReadAsync("id,title,artist,lyrics\n1,12\" Vinyl,A,words\n");

        Assert.That(lines.Single().Row!.Title, Is.EqualTo("12\" Vinyl"));
    }

    [Test]
    public async Task A_malformed_record_is_reported_with_the_line_it_starts_on_and_reading_goes_on()
    {
        var csv = string.Join('\n',
            "id,title,artist,lyrics",          // line 1
            "1,First,A,\"two\nlines\"",         // lines 2-3
            "2,Short,A",                        // line 4: a field short
            "3,\"Bad\"x,A,words",               // line 5: text after a closing quote
            "",                                 // line 6: blank
            "5,Last,A,\"fine\"") + "\n";        // line 7

        var lines = await ReadAsync(csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => l.LineNumber), Is.EqualTo(new long[] { 2, 4, 5, 7 }));
            Assert.That(lines.Select(l => l.Row?.Id), Is.EqualTo(new[] { "1", null, null, "5" }));
            Assert.That(lines[1].Error, Is.EqualTo(new Rejection(null, "the record has 3 fields, the header 4")));
            Assert.That(lines[2].Error, Is.EqualTo(new Rejection(null, "'x' follows the closing quote of field 2")));
        }
    }

    [Test]
    public async Task A_stray_quote_costs_its_own_record_and_reading_resumes_at_the_next_that_parses()
    {
        var csv = string.Join('\n',
            "id,title,artist,lyrics",               // line 1
            "1,First,A,\"one\ntwo\"",                // lines 2-3
            "2,\"Stray quote,A,words of two",        // line 4: the quote opens a field that never closes
            "3,Third,A,\"three\nlines\nhere\"",      // lines 5-7
            "4,Fourth,A,four") + "\n";               // line 8

        var lines = await ReadAsync(csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => (l.LineNumber, l.Row?.Id)), Is.EqualTo(new (long, string?)[] { (2, "1"), (4, null), (5, "3"), (8, "4") }));
            Assert.That(lines[1].Error!.Field, Is.Null);
            Assert.That(lines[1].Error!.Reason,
                Is.EqualTo("unterminated quoted field starting at line 4 (the quote on line 5 that would close it is followed by 't')"));
            Assert.That(lines[2].Row!.Lyrics, Is.EqualTo("three\nlines\nhere"));
        }
    }

    [Test]
    public async Task A_stray_quote_near_the_end_is_reported_and_the_records_after_it_are_still_read()
    {
        var lines = await ReadAsync("id,title,artist,lyrics\n1,\"T,A,L\n2,T,A,L\n3,T,A,L\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => (l.LineNumber, l.Row?.Id)), Is.EqualTo(new (long, string?)[] { (2, null), (3, "2"), (4, "3") }));
            Assert.That(lines[0].Error!.Reason, Is.EqualTo("unterminated quoted field starting at line 2 (the file ends inside it)"));
        }
    }

    [Test]
    public async Task An_unclosed_quote_in_the_last_record_is_reported()
    {
        var lines = await ReadAsync("id,title,artist,lyrics\n1,T,A,\"never closed\n");

        Assert.That(lines.Single().Error!.Reason, Is.EqualTo("unterminated quoted field starting at line 2 (the file ends inside it)"));
    }

    [Test]
    public async Task Lines_after_a_stray_quote_that_do_not_parse_are_skipped_until_one_does()
    {
        var csv = string.Join('\n',
            "id,title,artist,lyrics",      // line 1
            "1,\"Stray,A,x",                // line 2
            "just text",                    // line 3: one field
            "more, text",                   // line 4: two fields
            "4,Four,A,\"ok\"") + "\n";      // line 5

        var lines = await ReadAsync(csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => (l.LineNumber, l.Row?.Id)), Is.EqualTo(new (long, string?)[] { (2, null), (5, "4") }));
            Assert.That(lines[0].Error!.Reason, Does.EndWith("reading resumed at line 5"));
        }
    }

    [Test]
    public async Task A_stray_quote_closed_on_its_own_line_does_not_turn_the_lyrics_after_it_into_records()
    {
        var csv = string.Join('\n',
            "id,title,artist,lyrics",                          // line 1
            "2,\"Stray,A,\"lyrics one",                         // line 2: the title's quote ends at the lyrics' opening quote
            "lyrics, two",                                     // line 3
            "three\"",                                          // line 4
            "5,T,A,L") + "\n";                                 // line 5

        var lines = await ReadAsync(csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Select(l => (l.LineNumber, l.Row?.Id)), Is.EqualTo(new (long, string?)[] { (2, null), (5, "5") }));
            Assert.That(lines[0].Error!.Reason, Is.EqualTo("'l' follows the closing quote of field 2; reading resumed at line 5"));
        }
    }

    [Test]
    public async Task Rows_a_field_short_are_each_reported()
    {
        var lines = await ReadAsync("id,title,artist,lyrics\n1,T,A\n2,T,A\n3,T,A,L\n");

        Assert.That(lines.Select(l => (l.LineNumber, l.Error?.Reason)), Is.EqualTo(new (long, string?)[]
        {
            (2, "the record has 3 fields, the header 4"), (3, "the record has 3 fields, the header 4"), (4, null),
        }));
    }

    [Test]
    public async Task A_quoted_field_longer_than_any_lyrics_is_taken_for_unterminated()
    {
        var lyrics = string.Join('\n', Enumerable.Repeat("x", TrackLimits.MaxLyricsLines + 2));
        var lines = await ReadAsync($"id,title,artist,lyrics\n1,T,A,\"{lyrics}\"\n2,T,A,L\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0].Error!.Reason, Does.StartWith($"unterminated quoted field starting at line 2 (it runs past {TrackLimits.MaxLyricsLines} lines)"));
            Assert.That(lines[^1].Row?.Id, Is.EqualTo("2"));
        }
    }

    [Test]
    public async Task A_record_longer_than_any_valid_row_is_rejected_without_being_held()
    {
        var lines = await ReadAsync($"id,title,artist,lyrics\n1,T,A,{new string('x', CsvRecordReader.MaxRecordBytes + 10)}\n2,T,A,L\n");

        using (Assert.EnterMultipleScope())
        {
            Assert.That((lines[0].LineNumber, lines[0].Row is null, lines[0].Error),
                Is.EqualTo((2L, true, new Rejection(null, $"the record runs past {CsvRecordReader.MaxRecordBytes} bytes"))));
            Assert.That((lines[1].LineNumber, lines[1].Row?.Id), Is.EqualTo((3L, "2")));
        }
    }

    [Test]
    public async Task Invalid_utf8_is_rejected_naming_the_field_never_replaced()
    {
        byte[] csv = [.. "id,title,artist,lyrics\n1,T,A,caf"u8, 0xC3, .. "\n2,T,A,L\n"u8];

        var lines = await ReadAsync(csv);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo(new DatasetLine(2, null, new Rejection("lyrics", "is not valid UTF-8 (byte 0xC3 at byte 4)"))));
            Assert.That(lines[1].Row?.Id, Is.EqualTo("2"));
        }
    }

    [Test]
    public void A_header_without_a_required_column_refuses_the_dataset()
    {
        Assert.That(async () => await ReadAsync("id,title,lyrics\n1,T,L\n"),
            Throws.InstanceOf<UnreadableHeaderException>().With.Message.EqualTo("the header has no 'artist' column"));
    }

    [Test]
    public void A_header_naming_a_column_twice_refuses_the_dataset()
    {
        Assert.That(async () => await ReadAsync("id,title,artist,lyrics,ID\n1,T,A,L,2\n"),
            Throws.InstanceOf<UnreadableHeaderException>().With.Message.EqualTo("the header names the 'id' column twice"));
    }

    [Test]
    public async Task Reads_a_generated_10000_record_file_with_malformed_records()
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= 10_000; i++)
        {
            csv.Append(i % 500 == 0
                ? $"\"Broken {i}\",rap,Artist,2015\n"
                : $"\"Song {i}\",rap,Artist,2015,{i},{{}},\"verse {i}\n\"\"hook\"\", {i}\",{i},en,en,en\n");
        }

        var lines = await ReadAsync(csv.ToString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(10_000));
            Assert.That(lines.Count(l => l.Row is not null), Is.EqualTo(9_980));
            // Record 500 starts after the header and 499 records of two lines each.
            Assert.That(lines.First(l => l.Row is null).LineNumber, Is.EqualTo(1 + 499 * 2 + 1));
            Assert.That(lines[9_998].Row!.Lyrics, Is.EqualTo("verse 9999\n\"hook\", 9999"));
            Assert.That(lines[9_998].Row!.Views, Is.EqualTo("9999"));
        }
    }

    [Test]
    public async Task Reads_the_same_whatever_the_chunks_the_stream_arrives_in()
    {
        var csv = Encoding.UTF8.GetBytes($"\uFEFF{Header}\n\"Song\",rap,\"A\",2015,1,{{}},\"Vers\u00e9\n\"\"hook\"\"\",1,en,en,en\r\n\"Two\",rap,A,,,,\"x\",2,,,\r\n");
        var whole = await ReadAsync(csv);

        await using var trickle = new OneByteAtATimeStream(csv);
        var lines = new List<DatasetLine>();
        await foreach (var line in CsvDatasetReader.ReadAsync(trickle))
        {
            lines.Add(line);
        }

        Assert.That(lines, Is.EqualTo(whole));
    }

    /// <summary>The worst case of a network stream: every read gives one byte.</summary>
    private sealed class OneByteAtATimeStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
