using System.Text;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Import;

namespace RapAnalyzer.Scraper.Tests;

/// <summary>Reading a JSONL dataset: rows with every column, errors with true line numbers, any size.</summary>
public class JsonlDatasetReaderTests
{
    private static async Task<List<DatasetLine>> ReadAsync(string text, bool byteOrderMark = false)
    {
        var bytes = new UTF8Encoding(byteOrderMark).GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        using var stream = new MemoryStream(bytes);
        var lines = new List<DatasetLine>();
        await foreach (var line in JsonlDatasetReader.ReadAsync(stream))
        {
            lines.Add(line);
        }
        return lines;
    }

    private static string Row(string id, string title = "Title", string artist = "Artist", string lyrics = "la la la") =>
        $$"""{"id":"{{id}}","title":"{{title}}","artist":"{{artist}}","lyrics":"{{lyrics}}"}""";

    [Test]
    public async Task A_row_is_read_with_every_column()
    {
        const string line = """{"id":"5012","title":"Nas Is Like","artist":"Nas","lyrics":"Yo\nit's like that","tag":"rap","year":1999,"views":123456789,"features":"{\"DJ Premier\"}","language":"en"}""";

        var lines = await ReadAsync(line + "\n");

        Assert.That(lines, Has.Count.EqualTo(1));
        Assert.That(lines[0].Error, Is.Null);
        Assert.That(lines[0].LineNumber, Is.EqualTo(1));
        Assert.That(lines[0].Row, Is.EqualTo(new DatasetRow("5012", "Nas Is Like", "Nas", "Yo\nit's like that",
            Tag: "rap", Year: "1999", Views: "123456789", Features: "{\"DJ Premier\"}", Language: "en")));
    }

    [Test]
    public async Task Optional_columns_may_be_missing_or_null()
    {
        const string line = """{"id":"1","title":"T","artist":"A","lyrics":"L","year":null,"language":null}""";

        var lines = await ReadAsync(line);

        Assert.That(lines.Single().Row, Is.EqualTo(new DatasetRow("1", "T", "A", "L")));
    }

    [Test]
    public async Task A_numeric_id_as_in_the_public_dataset_is_read()
    {
        // The public Genius lyrics dataset's id column is an integer; a JSONL export of it writes "id":2.
        const string line = """{"id":2,"title":"Can I Live","artist":"JAY-Z","lyrics":"Yeah","tag":"rap","year":1996,"views":12345,"features":"{}","language":"en"}""";

        var lines = await ReadAsync(line);

        Assert.That(lines.Single().Error, Is.Null);
        Assert.That(lines.Single().Row?.Id, Is.EqualTo("2"));
    }

    [Test]
    public async Task Blank_lines_are_skipped_and_line_numbers_stay_true_to_the_file()
    {
        var text = string.Join("\n", Row("a"), "", "   ", Row("b"), "\t", Row("c")) + "\n\n";

        var lines = await ReadAsync(text);

        Assert.That(lines.Select(l => (l.LineNumber, l.Row?.Id)), Is.EqualTo(new (long, string?)[] { (1, "a"), (4, "b"), (6, "c") }));
    }

    [Test]
    public async Task Crlf_line_endings_and_a_byte_order_mark_are_read()
    {
        var text = Row("a") + "\r\n\r\n" + Row("b") + "\r\n";

        var lines = await ReadAsync(text, byteOrderMark: true);

        Assert.That(lines.Select(l => (l.LineNumber, l.Row?.Id)), Is.EqualTo(new (long, string?)[] { (1, "a"), (3, "b") }));
    }

    [Test]
    public async Task Invalid_json_is_an_error_on_its_line_and_reading_goes_on()
    {
        var text = string.Join("\n", Row("a"), "", """{"id":"b","title":""", "not json at all", Row("e"));

        var lines = await ReadAsync(text);

        Assert.That(lines.Select(l => l.LineNumber), Is.EqualTo(new long[] { 1, 3, 4, 5 }));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[1].Row, Is.Null);
            Assert.That(lines[1].Error!.Reason, Does.StartWith("invalid JSON"));
            Assert.That(lines[2].Row, Is.Null);
            Assert.That(lines[2].Error!.Reason, Does.StartWith("invalid JSON"));
            Assert.That(lines[3].Row?.Id, Is.EqualTo("e"));
            Assert.That(lines[0].Error, Is.Null);
            Assert.That(lines[3].Error, Is.Null);
        }
    }

    [Test]
    public async Task A_value_of_the_wrong_type_is_an_invalid_json_error_naming_the_field()
    {
        var lines = await ReadAsync("""{"id":"1","title":["T"],"artist":"A","lyrics":"L"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines.Single().Row, Is.Null);
            Assert.That(lines.Single().Error!.Field, Is.EqualTo("title"));
            Assert.That(lines.Single().Error!.Reason, Is.EqualTo("invalid JSON: title must be a string"));
        }
    }

    [TestCase("[1,2,3]")]
    [TestCase("42")]
    [TestCase("\"a string\"")]
    public async Task A_line_of_another_json_value_is_not_an_object_and_names_no_dotnet_type(string line)
    {
        var lines = await ReadAsync(line);

        Assert.That(lines.Single(), Is.EqualTo(new DatasetLine(1, null, new Rejection(null, "the line is not a JSON object"))));
    }

    [Test]
    public async Task Numbers_are_read_as_their_text_whether_written_as_numbers_or_strings()
    {
        var lines = await ReadAsync("""{"id":1,"title":"T","artist":"A","lyrics":"L","year":4294969297,"views":"-5"}""");

        Assert.That((lines.Single().Row?.Year, lines.Single().Row?.Views), Is.EqualTo(("4294969297", "-5")));
    }

    [Test]
    public async Task Missing_fields_are_left_to_the_rules_of_the_mapping()
    {
        var lines = await ReadAsync("""{"title":"T","lyrics":null}""");

        Assert.That(lines.Single().Row, Is.EqualTo(new DatasetRow(null, "T", null, null)));
    }

    [Test]
    public async Task A_json_null_line_is_not_an_object()
    {
        var lines = await ReadAsync("null");

        Assert.That(lines.Single(), Is.EqualTo(new DatasetLine(1, null, new Rejection(null, "the line is not a JSON object"))));
    }

    [Test]
    public async Task Invalid_utf8_is_rejected_naming_the_field_never_replaced()
    {
        byte[] text = [.. "{\"id\":\"1\",\"title\":\"caf"u8, 0xE9, .. "\",\"artist\":\"A\",\"lyrics\":\"L\"}\n"u8, .. Encoding.UTF8.GetBytes(Row("2"))];
        using var stream = new MemoryStream(text);
        var lines = new List<DatasetLine>();
        await foreach (var line in JsonlDatasetReader.ReadAsync(stream))
        {
            lines.Add(line);
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines[0], Is.EqualTo(new DatasetLine(1, null, new Rejection("title", "is not valid UTF-8 (byte 0xE9 at byte 23)"))));
            Assert.That(lines[1].Row?.Id, Is.EqualTo("2"));
        }
    }

    [Test]
    public async Task An_unpaired_surrogate_escape_is_rejected_naming_the_field()
    {
        var lines = await ReadAsync("""{"id":"1","title":"T","artist":"A \ud800","lyrics":"L"}""");

        Assert.That(lines.Single().Error?.Field, Is.EqualTo("artist"));
    }

    [Test]
    public async Task A_line_longer_than_any_valid_row_is_rejected_and_skipped_without_being_held()
    {
        var text = Row("1", lyrics: new string('x', JsonlDatasetReader.MaxLineBytes)) + "\n" + Row("2") + "\n";

        var lines = await ReadAsync(text);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((lines[0].LineNumber, lines[0].Row is null, lines[0].Error),
                Is.EqualTo((1L, true, new Rejection(null, $"the line runs past {JsonlDatasetReader.MaxLineBytes} bytes"))));
            Assert.That((lines[1].LineNumber, lines[1].Row?.Id), Is.EqualTo((2L, "2")));
        }
    }

    [Test]
    public async Task A_large_stream_is_read_fully()
    {
        const int count = 20_000;
        var text = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            text.Append(i % 1000 == 0 ? "{broken" : Row($"id-{i}", lyrics: $"line {i} of the verse")).Append('\n');
        }

        var lines = await ReadAsync(text.ToString());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lines, Has.Count.EqualTo(count));
            Assert.That(lines.Count(l => l.Row is not null), Is.EqualTo(count - 20));
            Assert.That(lines.Where(l => l.Row is null).Select(l => l.LineNumber),
                Is.EqualTo(Enumerable.Range(1, 20).Select(i => (long)i * 1000)));
            Assert.That(lines[^2].LineNumber, Is.EqualTo(count - 1));
            Assert.That(lines[^2].Row?.Id, Is.EqualTo($"id-{count - 1}"));
            Assert.That(lines[^2].Row?.Lyrics, Is.EqualTo($"line {count - 1} of the verse"));
        }
    }

    [Test]
    public async Task A_very_long_line_is_read_whole()
    {
        var lyrics = string.Concat(Enumerable.Repeat("bars on bars ", 20_000));

        var lines = await ReadAsync(Row("long", lyrics: lyrics));

        Assert.That(lines.Single().Row?.Lyrics, Has.Length.EqualTo(lyrics.Length));
    }
}
