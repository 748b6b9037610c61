using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

/// <summary>VADER's rules on single lines: lexicon valence, negation, degree adverbs, capitals, "but".</summary>
public class VaderSentimentTests
{
    private static double Compound(string line) => ModelData.Vader.Compound(line);

    [Test]
    public void The_lexicon_is_the_references_seven_thousand_five_hundred_words()
    {
        var lexicon = VaderLexicon.Load(new Analysis.AnalysisOptions().VaderLexiconPath);

        Assert.That(lexicon.Count, Is.EqualTo(7_506), "the reference lexicon's entries");
        Assert.That(lexicon.TryGetValence("love", out var love) && love > 2, Is.True);
        Assert.That(lexicon.TryGetValence("badass", out var badass) ? badass : 0, Is.EqualTo(1.4), "as the reference rates it");
    }

    [Test]
    public void Happy_and_sad_lines_score_on_their_sides()
    {
        Assert.That(Compound("I love my life, everything is beautiful"), Is.GreaterThan(0.5));
        Assert.That(Compound("I hate this pain, everything is terrible"), Is.LessThan(-0.5));
        Assert.That(Compound("I walk down the street to the store"), Is.Zero);
    }

    [Test]
    public void A_negation_flips_and_damps_the_valence()
    {
        var happy = Compound("I am happy");
        var notHappy = Compound("I am not happy");
        var aintHappy = Compound("I ain't never been happy");

        Assert.That(notHappy, Is.LessThan(0));
        Assert.That(Math.Abs(notHappy), Is.LessThan(happy));
        Assert.That(aintHappy, Is.GreaterThan(0), "two negations cancel out");
    }

    [Test]
    public void Intensifiers_raise_and_dampeners_lower_the_valence()
    {
        var good = Compound("this is good");

        Assert.That(Compound("this is very good"), Is.GreaterThan(good));
        Assert.That(Compound("this is slightly good"), Is.LessThan(good));
        Assert.That(Compound("this is GOOD"), Is.GreaterThan(good));
    }

    [Test]
    public void What_follows_but_weighs_more()
    {
        Assert.That(Compound("the money is good but the pain is real"), Is.LessThan(0));
        Assert.That(Compound("the pain is real but the money is good"), Is.GreaterThan(0));
    }

    // The compound scores vaderSentiment 3.3.2 prints for the examples of its README (Hutto and Gilbert's reference code).
    [TestCase("VADER is smart, handsome, and funny.", 0.8316)]
    [TestCase("VADER is smart, handsome, and funny!", 0.8439)]
    [TestCase("VADER is very smart, handsome, and funny.", 0.8545)]
    [TestCase("VADER is VERY SMART, handsome, and FUNNY.", 0.9227)]
    [TestCase("VADER is VERY SMART, handsome, and FUNNY!!!", 0.9342)]
    [TestCase("VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!", 0.9469)]
    [TestCase("VADER is not smart, handsome, nor funny.", -0.7424)]
    [TestCase("The book was good.", 0.4404)]
    [TestCase("At least it isn't a horrible book.", 0.431)]
    [TestCase("The book was only kind of good.", 0.3832)]
    [TestCase("The plot was good, but the characters are uncompelling and the dialog is not great.", -0.7042)]
    [TestCase("Today SUX!", -0.5461)]
    [TestCase("Today only kinda sux! But I'll get by, lol", 0.5249)]
    [TestCase("Make sure you :) or :D today!", 0.8633)]
    [TestCase("Not bad at all", 0.431)]
    // And 54 tricky and lyric lines run through the reference (cjhutto/vaderSentiment at 44fc044, Python, its own lexicon).
    [TestCase("Sentiment analysis has never been good.", -0.3412)]
    [TestCase("Sentiment analysis has never been this good!", 0.5672)]
    [TestCase("Most automated sentiment analysis tools are shit.", -0.5574)]
    [TestCase("With VADER, sentiment analysis is the shit!", 0.6476)]
    [TestCase("Other sentiment analysis tools can be quite bad.", -0.5849)]
    [TestCase("On the other hand, VADER is quite bad ass", 0.802)]
    [TestCase("VADER is such a badass!", 0.4003)]
    [TestCase("Without a doubt, excellent idea.", 0.7013)]
    [TestCase("Roger Dodger is one of the most compelling variations on this theme.", 0.2944)]
    [TestCase("Roger Dodger is at least compelling as a variation on the theme.", 0.2263)]
    [TestCase("Roger Dodger is one of the least compelling variations on this theme.", -0.1695)]
    [TestCase("Not such a badass after all.", -0.2584)]
    [TestCase("Without a doubt, an excellent idea.", 0.7013)]
    [TestCase("I ain't never been happy", 0.3566)]
    [TestCase("No love for the other side, no peace in my mind", -0.7366)]
    [TestCase("No, I am not happy", -0.4585)]
    [TestCase("There is no hope, no pain, no fear", 0.6908)]
    [TestCase("I got no money and no friends", -0.5795)]
    [TestCase("She said no", -0.296)]
    [TestCase("I'm not a bad man, I'm just kind of lost", 0.0662)]
    [TestCase("I am not the least bit sorry", -0.0772)]
    [TestCase("At the very least I tried", 0.0)]
    [TestCase("This beat is the bomb, my rhymes are the shit", 0.8402)]
    [TestCase("Yeah right, you the best? Nah", 0.7184)]
    [TestCase("My broken heart is beating heart no more", 0.8126)]
    [TestCase("Is this love??", 0.6767)]
    [TestCase("What did you do??? Why???", 0.0)]
    [TestCase("I LOVE this SONG but I HATE the hook", -0.6349)]
    [TestCase("I'M SO HAPPY", 0.6115)]
    [TestCase("i'm so happy", 0.6115)]
    [TestCase("I'm so so so happy", 0.752)]
    [TestCase("Life is good, but the pain is real", -0.5423)]
    [TestCase("But I still love you", 0.7783)]
    [TestCase("Never so good, never this bad", -0.0986)]
    [TestCase("I can't stop, won't stop, ain't no stopping me now", -0.0252)]
    [TestCase("They don't love you like I love you", -0.0716)]
    [TestCase("Kill or be killed, the streets ain't safe", -0.9119)]
    [TestCase("Money, power, respect: the key to life", 0.4767)]
    [TestCase("Sorta sad but kinda happy", 0.5729)]
    [TestCase("hardly happy, barely alive", 0.6652)]
    [TestCase("Really really good", 0.5379)]
    [TestCase("Extremely good, EXTREMELY bad", -0.3811)]
    [TestCase("a dream within a dream", 0.4588)]
    [TestCase("Without love, without hope, without you", -0.3243)]
    [TestCase("Rest in peace to my dead homies", -0.2023)]
    [TestCase("I ain't got no worries", -0.2466)]
    [TestCase("Nothing good ever happens here", -0.3412)]
    [TestCase("We made it to the top, we winning every day!", 0.6696)]
    [TestCase("Tears on my pillow, pain in my heart, crying all night", -0.4767)]
    [TestCase("lol :( :/ <3", 0.1027)]
    [TestCase("This is hella good", 0.4927)]
    [TestCase("\"Good\" (she said) - great!", 0.807)]
    [TestCase("ok, ok!", 0.0)]
    [TestCase("I'm fine. Really fine... NOT", 0.4391)]
    // Emoji, which the reference writes as their names first, run with the names read from our Unicode 15 file (its own
    // Unicode 11 copy differs in a few: 😡 was "pouting face", now "enraged face", -0.5719 then). Its README's example
    // scores 0.875 with today's lexicon.
    [TestCase("Catch utf-8 emoji such as 💘 and 💋 and 😁", 0.875)]
    [TestCase("I'm crying 😂😂😂", 0.6808)]
    [TestCase("rest in peace 💀🙏", 0.5423)]
    [TestCase("my city on fire 🔥🔥", -0.7351)]
    [TestCase("love you ❤ forever", 0.8555)]
    [TestCase("love you ❤️ forever", 0.6369)]
    [TestCase("I hate this 😡", -0.7798)]
    [TestCase("so sad 😢 tonight", -0.7764)]
    [TestCase("💯 real, no fake", 0.3724)]
    [TestCase("money 💰 and the 🏆", 0.0)]
    [TestCase("😊", 0.7184)]
    [TestCase("not 😊", 0.1331)]
    [TestCase("I'm not 😁 today", 0.4588)]
    public void Scores_as_the_reference_implementation_does(string sentence, double expected) =>
        Assert.That(Compound(sentence), Is.EqualTo(expected).Within(0.00005));
}
