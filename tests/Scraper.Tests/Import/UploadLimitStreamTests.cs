using RapAnalyzer.Scraper.Import;

namespace RapAnalyzer.Scraper.Tests.Import;

public sealed class UploadLimitStreamTests
{
    private static async Task<int> ReadAllAsync(Stream stream)
    {
        var total = 0;
        var buffer = new byte[7];
        while (await stream.ReadAsync(buffer) is > 0 and var read)
        {
            total += read;
        }
        return total;
    }

    [Test]
    public async Task A_body_of_exactly_the_maximum_is_read_whole()
    {
        Assert.That(await ReadAllAsync(new UploadLimitStream(new MemoryStream(new byte[100]), 100)), Is.EqualTo(100));
    }

    [Test]
    public async Task The_bytes_up_to_the_maximum_are_read_before_the_read_past_it_throws()
    {
        var stream = new UploadLimitStream(new MemoryStream(new byte[101]), 100);
        var buffer = new byte[1000];

        Assert.That(await stream.ReadAsync(buffer), Is.EqualTo(100));
        Assert.That(async () => await stream.ReadAsync(buffer),
            Throws.InstanceOf<UploadTooLargeException>().With.Message.EqualTo("the upload is larger than Import:MaxUploadBytes (100 bytes)"));
    }
}
