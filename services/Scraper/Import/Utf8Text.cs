using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace RapAnalyzer.Scraper.Import;

/// <summary>Bytes read as UTF-8 strictly: an invalid sequence is reported where it is, never replaced by U+FFFD.</summary>
public static class Utf8Text
{
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out string text)
    {
        text = Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : "";
        return text.Length > 0 || bytes.IsEmpty;
    }

    /// <summary>Where the first invalid sequence of <paramref name="bytes"/> is, as a reason a row is rejected for.</summary>
    public static string Invalid(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done)
        {
            offset += consumed;
        }
        return string.Create(CultureInfo.InvariantCulture, $"is not valid UTF-8 (byte 0x{bytes[offset]:X2} at byte {offset + 1})");
    }
}
