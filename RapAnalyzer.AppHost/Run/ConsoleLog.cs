namespace RapAnalyzer.AppHost.Run;

/// <summary>Child output on the console, each line prefixed with its resource's name in a stable colour.</summary>
public static class ConsoleLog
{
    private static readonly Lock Gate = new();
    private static readonly ConsoleColor[] Colors =
    [
        ConsoleColor.Cyan, ConsoleColor.Green, ConsoleColor.Yellow, ConsoleColor.Magenta, ConsoleColor.Blue,
        ConsoleColor.DarkCyan, ConsoleColor.DarkGreen, ConsoleColor.DarkYellow, ConsoleColor.DarkMagenta,
    ];

    public static void Write(string resource, string line)
    {
        lock (Gate)
        {
            var useColor = !Console.IsOutputRedirected;
            if (useColor)
            {
                Console.ForegroundColor = Colors[(uint)StableHash(resource) % Colors.Length];
            }
            Console.Write($"[{resource}] ");
            if (useColor)
            {
                Console.ResetColor();
            }
            Console.WriteLine(line);
        }
    }

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
