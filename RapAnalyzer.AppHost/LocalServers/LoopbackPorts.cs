using System.Net;
using System.Net.Sockets;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>
/// Free loopback ports below 32768 (above is the kernel's range for outgoing connections), never the same
/// one twice in a run.
/// </summary>
public sealed class LoopbackPorts
{
    private const int Lowest = 20000;
    private const int Highest = 32000;
    private readonly HashSet<int> _taken = [];
    private readonly Lock _gate = new();

    public int Allocate(int preferred = 0)
    {
        lock (_gate)
        {
            if (preferred > 0 && !_taken.Contains(preferred) && IsFree(preferred))
            {
                _taken.Add(preferred);
                return preferred;
            }
            for (var attempt = 0; attempt < 1000; attempt++)
            {
                var port = Random.Shared.Next(Lowest, Highest);
                if (!_taken.Contains(port) && IsFree(port))
                {
                    _taken.Add(port);
                    return port;
                }
            }
            throw new InvalidOperationException($"No free loopback port between {Lowest} and {Highest}.");
        }
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
