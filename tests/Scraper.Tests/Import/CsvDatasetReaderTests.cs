using System.Text;
using RapAnalyzer.Scraper.Import;

namespace RapAnalyzer.Scraper.Tests.Import;

public sealed class CsvDatasetReaderTests
{
    private const string Header = "title,tag,artist,year,views,features,lyrics,id,language_cld3,language_ft,language";

    private static async Task<List<DatasetLine>> ReadAsync(string csv)
    {
        var lines = new List<DatasetLine>();
        await foreach (var line in CsvDatasetReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv))))
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
        Assert.Multiple(() =>
        {
            Assert.That(row.Title, Is.EqualTo("Killer Queen"));
            Assert.That(row.Tag, Is.EqualTo("rock"));
            Assert.That(row.Artist, Is.EqualTo("Queen"));
            Assert.That(row.Year, Is.EqualTo(1974));
            Assert.That(row.Views, Is.EqualTo(1200));
            Assert.That(row.Features, Is.EqualTo("{}"));
            Assert.That(row.Lyrics, Is.EqualTo("She keeps\nher Moët"));
            Assert.That(row.Id, Is.EqualTo("12"));
            Assert.That(row.Language, Is.EqualTo("en"));
        });
    }

    [Test]
    public async Task Finds_columns_by_header_name_in_any_order_with_a_byte_order_mark()
    {
        var lines = await ReadAsync("\uFEFFlyrics,id,ARTIST,title\r\n\"a, b\",7,X,Y\r\n");

        var row = lines.Single().Row!;
        Assert.Multiple(() =>
        {
            Assert.That(row.Lyrics, Is.EqualTo("a, b"));
            Assert.That(row.Id, Is.EqualTo("7"));
            Assert.That(row.Artist, Is.EqualTo("X"));
            Assert.That(row.Title, Is.EqualTo("Y"));
            Assert.That(row.Year, Is.Null);
        });
    }

    [Test]
    public async Task Doubled_quotes_and_line_breaks_inside_quotes_stay_in_the_field()
    {
        var lines = await ReadAsync("id,title,artist,lyrics\n1,\"He said \"\"yo\"\"\",A,\"one\r\ntwo\n\nthree\"\n");

        var row = lines.Single().Row!;
        Assert.Multiple(() =>
        {
            Assert.That(row.Title, Is.EqualTo("He said \"yo\""));
            Assert.That(row.Lyrics, Is.EqualTo("one\r\ntwo\n\nthree"));
        });
    }

    [Test]
    public async Task A_malformed_record_is_reported_with_the_line_it_starts_on_and_reading_goes_on()
    {
        var csv = string.Join('\n',
            "id,title,artist,lyrics",          // line 1
            "1,First,A,\"two\nlines\"",         // lines 2-3
            "2,Short,A",                        // line 4: a field short
            "3,\"Bad\"x,A,words",               // line 5: text after a closing quote
            "4,NoLyrics,A,",                    // line 6: lyrics empty
            "",                                 // line 7: blank
            "5,Last,A,\"fine\"") + "\n";        // line 8

        var lines = await ReadAsync(csv);

        Assert.Multiple(() =>
        {
            Assert.That(lines.Select(l => l.LineNumber), Is.EqualTo(new long[] { 2, 4, 5, 6, 8 }));
            Assert.That(lines.Select(l => l.Row?.Id), Is.EqualTo(new[] { "1", null, null, null, "5" }));
            Assert.That(lines[1].Error, Is.EqualTo("the record has 3 fields, the header 4"));
            Assert.That(lines[2].Error, Does.Contain("after a closing quote"));
            Assert.That(lines[3].Error, Is.EqualTo("'lyrics' is missing"));
        });
    }

    [Test]
    public async Task An_unclosed_quote_at_the_end_of_the_file_is_reported()
    {
        var lines = await ReadAsync("id,title,artist,lyrics\n1,T,A,\"never closed\n");

        Assert.That(lines.Single().Error, Does.Contain("not closed"));
    }

    [Test]
    public async Task A_header_without_a_required_column_stops_with_one_error()
    {
        var lines = await ReadAsync("id,title,lyrics\n1,T,L\n");

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(1));
            Assert.That(lines[0].LineNumber, Is.EqualTo(1));
            Assert.That(lines[0].Error, Is.EqualTo("the header has no 'artist' column"));
        });
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

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(10_000));
            Assert.That(lines.Count(l => l.Row is not null), Is.EqualTo(9_980));
            // Record 500 starts after the header and 499 records of two lines each.
            Assert.That(lines.First(l => l.Row is null).LineNumber, Is.EqualTo(1 + 499 * 2 + 1));
            Assert.That(lines[9_998].Row!.Lyrics, Is.EqualTo("verse 9999\n\"hook\", 9999"));
            Assert.That(lines[9_998].Row!.Views, Is.EqualTo(9_999));
        });
    }
}
