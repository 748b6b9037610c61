using RapAnalyzer.Testing.Search;

namespace RapAnalyzer.Bench;

/// <summary>A search query: a half-remembered line of a loaded track (its source), or a theme phrase (no source).</summary>
public sealed record Query(string Text, int? Source);

public static class Queries
{
    private static readonly string[] Themes =
    [
        "money and fame", "city lights at night", "rising from the street", "chasing a dream", "the grind never stops",
        "heart of gold", "pain and rain", "a crown of fire", "made it out the block", "keep the flow real",
        "time to shine", "fall and rise again", "the game of fame", "soul on fire", "never fall back",
        "hustle in the city", "dreams of gold chains", "fight for what is right", "stay true to the art",
        "the mic and the beat", "steel heart in the cold", "running from the pain", "lost in the night",
        "we started from the bottom", "real ones only", "light in the dark", "my name in lights", "hold my crown",
        "street dreams", "nothing but the truth",
    ];

    /// <summary>
    /// <paramref name="count"/> distinct queries, four in five a line of a track in [0, <paramref name="sources"/>)
    /// damaged as <see cref="HalfRememberedLine"/> damages it, one in five two theme phrases; none in <paramref name="taken"/>.
    /// </summary>
    public static List<Query> Draw(int seed, int count, int sources, HashSet<string> taken)
    {
        var random = new Random(seed);
        var queries = new List<Query>(count);
        while (queries.Count < count)
        {
            Query query;
            if (random.Next(5) == 0)
            {
                query = new Query($"{Themes[random.Next(Themes.Length)]} {Themes[random.Next(Themes.Length)]}", null);
            }
            else
            {
                var source = random.Next(sources);
                var lines = SpokenLyrics.Track(source).Split('\n')
                    .Where(line => line.Length > 0 && !line.StartsWith('[')).ToList();
                query = new Query(HalfRememberedLine.Damage(lines[random.Next(lines.Count)], random), source);
            }
            if (HalfRememberedLine.Words(query.Text).Count >= 3 && taken.Add(query.Text))
            {
                queries.Add(query);
            }
        }
        return queries;
    }
}
