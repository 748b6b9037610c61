namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>Texts run through both the C# encoder and the TF.js reference.</summary>
static class ParityText
{
    /// <summary>Tokenizer edge cases: punctuation, unicode (NFKC, accents, emoji, scripts), slang, numbers, spacing.</summary>
    public static readonly string[] TokenizerCases =
    [
        "Hello world.",
        "ain't nothin' but a G thang",
        "I'm from the 'hood, y'all know what's up — 100%",
        "2Pac dropped it in '96; 1,000,000 sold @ $9.99 each!!!",
        "Time: 12:30, 4:00 :30 :: ://  :-) :( ):",
        "  leading, trailing  and  double  spaces  ",
        "tabs\tand\nnew lines\r\nkept as they are",
        "ＦＵＬＬＷＩＤＴＨ letters, the ﬁ ligature, ½ and x²",
        "Ça va? Über Straße, naïve coöperation, café vs cafe\u0301",
        "😀 emoji 🔥🔥 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 math letters",
        "Кириллица, العربية, हिन्दी, 日本語のテキスト",
        "ALL CAPS SHOUTING vs all lower vs MiXeD cAsE",
        "whoa-oh-oh, yeah yeah yeah... uh, uh (uh)",
        "\"quoted\" [bracketed] {braced} <angled> #hashtag @mention",
        "www.example.com/path?q=1&x=2 http://rap.example",
        "?",
        "a",
        "▁ already has the separator ▁▁",
        "”5 duplicate piece and ▄▒═░► rare blocks",
    ];

    /// <summary>Lyric-like lines (written for these tests) for embedding parity.</summary>
    public static readonly string[] LyricLines =
    [
        "I came up from the bottom with nothing but a dream",
        "Money on my mind and I'm counting every stack",
        "Rain on the window while I'm writing in the dark",
        "My crew rolls deep, we been loyal from the start",
        "Late nights in the studio, chasing that perfect sound",
        "They said I'd never make it, now I'm running this town",
        "Mama told me keep my head up when the world gets cold",
        "Gold chains swinging, got a story to be told",
        "Sirens in the distance, another block on fire",
        "Every bar I spit is fuel to my desire",
        "Ain't no love in the city when the streetlights fade",
        "We was broke but we was happy, never once afraid",
        "Pull up in the whip, windows tinted, bass loud",
        "Standing on the stage, looking out at the crowd",
        "Yo, check the rhyme, I'm ahead of my time",
        "Pen to the pad till the paper starts to bleed",
        "Trust nobody, that's the lesson that I learned",
        "Bridges I burned lit the road that I earned",
        "Stackin' paper, makin' moves, can't stop won't stop",
        "From the corner to the penthouse, penthouse to the top",
        "Uh, yeah, it's the remix, turn it up one time",
    ];

    /// <summary>A sentence of more than 128 tokens: the graph keeps the first 128, as TF.js does.</summary>
    public static readonly string LongSentence = string.Join(' ', Enumerable.Repeat("we keep grinding every single day and night until the sun comes up", 16));
}
