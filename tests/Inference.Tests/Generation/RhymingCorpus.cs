using System.Text;

namespace RapAnalyzer.Inference.Tests.Generation;

/// <summary>
/// A fixed corpus for the generator, the same for the same seed: tracks of verses in couplets (AABB), each couplet
/// ending on two words of one rhyme family, each verse on one topic whose words recur in its lines. What it tests is
/// what DeepBeat's features read: a true next line rhymes with the line before it or shares its verse's words.
/// </summary>
public static class RhymingCorpus
{
    public static readonly string[][] RhymeFamilies =
    [
        ["night", "light", "fight", "right", "tight", "bright", "sight", "flight"],
        ["game", "name", "fame", "flame", "frame", "same", "claim", "shame"],
        ["street", "beat", "heat", "seat", "feet", "meet", "sweet", "repeat"],
        ["town", "crown", "down", "gown", "clown", "brown", "frown", "drown"],
        ["cash", "flash", "crash", "smash", "stash", "dash", "splash", "trash"],
        ["gold", "cold", "hold", "bold", "told", "sold", "old", "rolled"],
        ["pain", "rain", "chain", "lane", "brain", "train", "plane", "remain"],
        ["real", "feel", "deal", "steel", "wheel", "meal", "heal", "reveal"],
        ["heart", "start", "art", "apart", "part", "chart", "smart", "dart"],
        ["flow", "show", "glow", "slow", "know", "grow", "throw", "below"],
        ["time", "rhyme", "climb", "crime", "prime", "dime", "chime", "lime"],
        ["block", "clock", "rock", "stock", "lock", "shock", "knock", "dock"],
        ["soul", "goal", "roll", "hole", "control", "whole", "role", "patrol"],
        ["money", "honey", "funny", "sunny", "bunny", "runny", "summery", "tummy"],
    ];

    private static readonly string[][] Topics =
    [
        ["mother", "kitchen", "sunday", "prayer", "family"],
        ["police", "sirens", "corner", "bail", "judge"],
        ["studio", "microphone", "verse", "producer", "record"],
        ["ocean", "harbour", "sailor", "waves", "island"],
        ["school", "teacher", "homework", "lesson", "classroom"],
        ["basketball", "court", "jersey", "coach", "season"],
        ["winter", "snow", "blanket", "fireplace", "frost"],
        ["diamond", "watch", "jeweller", "bracelet", "shine"],
        ["highway", "engine", "mileage", "gasoline", "truck"],
        ["garden", "flowers", "seeds", "soil", "blossom"],
    ];

    private static readonly string[] Subjects = ["I", "we", "you", "they", "she", "my crew", "the boss", "my brother"];
    private static readonly string[] Verbs = ["remember", "carry", "chase", "see", "keep", "bring", "leave", "find"];
    private static readonly string[] Joins = ["every day until the", "through it all with the", "and never lose the", "like the", "way past the", "deep inside the"];

    /// <param name="artist">Every track's artist; by default five artists take turns.</param>
    /// <param name="verses">Verses of eight lines a track.</param>
    public static IEnumerable<(string Artist, string Lyrics)> Tracks(int count, int seed, string? artist = null, int verses = 2)
    {
        var random = new Random(seed);
        for (var track = 0; track < count; track++)
        {
            var lyrics = new StringBuilder();
            for (var verse = 0; verse < verses; verse++)
            {
                lyrics.Append($"[Verse {verse + 1}]\n");
                var topic = Topics[random.Next(Topics.Length)];
                for (var couplet = 0; couplet < 4; couplet++)
                {
                    var family = RhymeFamilies[random.Next(RhymeFamilies.Length)];
                    var ends = family.OrderBy(_ => random.Next()).Take(2).ToArray();
                    foreach (var end in ends)
                    {
                        lyrics.Append(Subjects[random.Next(Subjects.Length)]).Append(' ')
                            .Append(Verbs[random.Next(Verbs.Length)]).Append(" the ")
                            .Append(topic[random.Next(topic.Length)]).Append(' ')
                            .Append(Joins[random.Next(Joins.Length)]).Append(' ')
                            .Append(topic[random.Next(topic.Length)]).Append(' ')
                            .Append(end).Append('\n');
                    }
                }
                lyrics.Append('\n');
            }
            yield return (artist ?? $"Artist {track % 5}", lyrics.ToString());
        }
    }
}
