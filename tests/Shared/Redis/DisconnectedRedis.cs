using StackExchange.Redis;

namespace RapAnalyzer.Testing;

/// <summary>A real multiplexer pointed at a port where nothing listens: Redis is down.</summary>
public static class DisconnectedRedis
{
    public static IConnectionMultiplexer Connect() =>
        ConnectionMultiplexer.Connect("127.0.0.1:1,abortConnect=false,connectTimeout=100");
}
