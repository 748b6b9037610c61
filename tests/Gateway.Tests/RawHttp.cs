using System.Net.Sockets;
using System.Text;

namespace RapAnalyzer.Gateway.Tests;

/// <summary>An HTTP/1.1 request written byte for byte, as HttpClient would not send it (a backslash, a UTF-8 header).</summary>
public static class RawHttp
{
    /// <summary>The whole response as text; the request must ask for <c>Connection: close</c>.</summary>
    public static async Task<string> SendAsync(Uri server, string request)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        await using var stream = client.GetStream();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token);
        using var response = new MemoryStream();
        await stream.CopyToAsync(response, timeout.Token);
        return Encoding.UTF8.GetString(response.ToArray());
    }
}
