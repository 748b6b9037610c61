namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// The one theme list analyses choose from. Each description is what the embedded analyzer compares a section's
/// embedding with; the LLM is given the names and descriptions, and a theme it names outside the list is dropped.
/// </summary>
public static class Themes
{
    public static readonly IReadOnlyList<Descriptor> All =
    [
        new("money", "money, cash, wealth, getting rich, expensive cars, jewelry, chains and bank accounts"),
        new("struggle", "poverty, hard times, growing up broke, hunger and fighting to survive"),
        new("street life", "the streets, the block, hustling, dealing drugs, corners and the trap"),
        new("violence", "guns, shooting, killing, fights, murder and revenge"),
        new("love", "love, a girlfriend, romance, relationships, heartbreak and missing someone"),
        new("sex", "sex, desire, bodies, seduction and one-night stands"),
        new("party", "partying, the club, dancing, drinking, celebrating all night"),
        new("drugs", "getting high, weed, smoking, pills, lean and addiction"),
        new("success", "success, winning, making it, fame, the top and achieving dreams"),
        new("boasting", "bragging, being the best, skills on the mic, other rappers can't compete"),
        new("family", "mother, father, brothers, children, family and home"),
        new("loyalty", "loyalty, trust, real friends, betrayal, snakes and fake people"),
        new("faith", "God, prayer, heaven, church, faith and the soul"),
        new("death", "death, funerals, losing friends, grief and mortality"),
        new("police", "police, cops, jail, prison, courts, the law and injustice"),
        new("society", "politics, racism, the system, inequality and society"),
        new("introspection", "thinking about myself, my mind, regrets, growth, mental health and identity"),
        new("hip-hop", "rap music, the rap game, beats, rhymes, the studio, the industry and the culture"),
    ];

    public static readonly IReadOnlyList<Descriptor> Moods =
    [
        new("aggressive", "angry, aggressive, furious, hostile, threatening and loud"),
        new("melancholic", "sad, melancholic, lonely, hurting, crying and blue"),
        new("triumphant", "triumphant, victorious, proud, unstoppable and on top"),
        new("playful", "playful, funny, joking, light-hearted and silly"),
        new("reflective", "reflective, thoughtful, remembering, looking back and wondering"),
        new("romantic", "romantic, tender, affectionate and in love"),
        new("defiant", "defiant, rebellious, never giving up, standing against the odds"),
        new("anxious", "anxious, paranoid, worried, afraid and on edge"),
        new("confident", "confident, cool, relaxed, smooth and self-assured"),
    ];

    public static readonly IReadOnlySet<string> Names = All.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public static readonly IReadOnlySet<string> MoodNames = Moods.Select(t => t.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public sealed record Descriptor(string Name, string Description);
}
