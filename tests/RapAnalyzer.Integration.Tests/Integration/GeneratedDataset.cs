using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// A CSV in the public Genius dataset's columns, written as it is sent and never held whole: rows of about 8 KB of lyrics
/// (line breaks, commas, doubled quotes) until <c>targetBytes</c> are written, and in every 10,000 rows one of each bad
/// kind: a year out of range, placeholder lyrics, a stray quote, the lyrics of the row before under another id. It counts
/// what it wrote, so a test knows what the import must report. Optionally it gives up after some bytes, as a client
/// whose upload is cut off.
/// </summary>
public sealed class GeneratedDataset : HttpContent
{
    private const int Block = 10_000;
    private static readonly byte[] Header = "title,tag,artist,year,views,features,lyrics,id,language_cld3,language_ft,language\n"u8.ToArray();

    // Shared by every row after its own first line, which makes its lyrics unique.
    private static readonly string Verse = string.Concat(Enumerable.Range(1, 130)
        .Select(line => $"\nline {line}, and the \"\"beat\"\" goes on and on, bars on bars {line}"));

    private readonly string _artist;
    private readonly long _targetBytes;
    private readonly long? _giveUpAfterBytes;
    private readonly Func<Task>? _beforeGivingUp;

    public GeneratedDataset(string artist, long targetBytes, long? giveUpAfterBytes = null, Func<Task>? beforeGivingUp = null)
    {
        (_artist, _targetBytes, _giveUpAfterBytes, _beforeGivingUp) = (artist, targetBytes, giveUpAfterBytes, beforeGivingUp);
        Headers.ContentType = new MediaTypeHeaderValue("text/csv");
    }

    public long Bytes { get; private set; }
    public long Rows { get; private set; }
    public long Rejected { get; private set; }
    public long NoLyrics { get; private set; }
    public long Duplicates { get; private set; }
    public long Good => Rows - Rejected - NoLyrics - Duplicates;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new MemoryStream(1024 * 1024);
        chunk.Write(Header);
        while (Bytes + chunk.Length < _targetBytes)
        {
            chunk.Write(Encoding.UTF8.GetBytes(NextRow()));
            if (chunk.Length >= 512 * 1024)
            {
                await SendAsync(stream, chunk);
            }
        }
        await SendAsync(stream, chunk);
    }

    private string NextRow()
    {
        var i = ++Rows;
        var (title, year, lyrics) = ($"\"Song {i}\"", 2000 + i % 25, Lyrics(i));
        switch (i % Block)
        {
            case 1:
                Rejected++;
                year = 99_999;
                break;
            case 2:
                NoLyrics++;
                lyrics = "[Instrumental]";
                break;
            case 4:
                Rejected++;
                title = $"\"Stray {i}";
                break;
            case 6:
                Duplicates++;
                lyrics = Lyrics(i - 1);
                break;
        }
        return FormattableString.Invariant($"{title},rap,\"{_artist}\",{year},{i},{{}},\"{lyrics}\",{_artist}-{i},en,en,en\n");
    }

    private string Lyrics(long row) => $"[Verse 1: {_artist}]\nsong {row} starts here{Verse}";

    private async Task SendAsync(Stream stream, MemoryStream chunk)
    {
        if (Bytes + chunk.Length > _giveUpAfterBytes)
        {
            await (_beforeGivingUp?.Invoke() ?? Task.CompletedTask);
            throw new IOException("The client gave up on the upload.");
        }
        await stream.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length));
        Bytes += chunk.Length;
        chunk.SetLength(0);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
