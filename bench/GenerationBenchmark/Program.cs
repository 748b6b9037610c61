using System.Diagnostics;
using System.Globalization;
using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Inference.Tests.Generation;
using RapAnalyzer.Rhymes;

// The embedded generator at the catalog's scale: the line index built from 57,718 tracks (time, managed memory), the
// ranker trained as the service trains it, next-line prediction as DeepBeat's paper measures it, and generation latency.
// The lyrics are the generator tests' rhyming corpus (synthetic couplets on topics), or with --lyrics DIR the songs in
// that folder (text files, one subfolder per artist, as Malmi's lyrics_en), for next-line figures on real lyrics.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var tracks = Option("--tracks", 57_718);
var verses = Option("--verses", 6);
var queries = Option("--queries", 300);
var options = new GenerationOptions { TrainingQueries = Option("--training-queries", new GenerationOptions().TrainingQueries), Seed = Option("--seed", new GenerationOptions().Seed) };

var phonetics = new LinePhonetics(new LyricsTranscriber(new PhoneticTranscriber()));
var index = new LineIndex(phonetics);
var lyricsFolder = args.SkipWhile(arg => arg != "--lyrics").Skip(1).FirstOrDefault();
var corpus = lyricsFolder is null ? RhymingCorpus.Tracks(tracks, seed: 1, verses: verses).ToList() : LyricsFolder(lyricsFolder);
var before = GC.GetTotalMemory(forceFullCollection: true);
var started = Stopwatch.GetTimestamp();
var number = 0;
foreach (var (artist, lyrics) in corpus)
{
    index.Add(new Guid(++number, 0, 0, new byte[8]), artist, lyrics, number.ToString(CultureInfo.InvariantCulture));
}
var buildSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
var memory = GC.GetTotalMemory(forceFullCollection: true) - before;
Console.WriteLine($"index: {index.Tracks:N0} tracks, {index.Lines:N0} lines, {index.Verses:N0} verses in {buildSeconds:F1} s "
    + $"({index.Tracks / buildSeconds:N0} tracks/s), {memory / 1048576.0:F0} MB managed memory; "
    + $"{Enumerable.Range(0, index.Verses).Count(NextLineQuery.IsHeldOut):N0} verses held out for evaluation");

started = Stopwatch.GetTimestamp();
var examples = new RankerTraining(index, phonetics).Examples(options.TrainingQueries, options.Seed);
var ranker = NextLineRanker.Train(examples, options.Seed);
Console.WriteLine($"ranker: {ranker.Queries:N0} training questions, {ranker.Examples:N0} examples, {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s "
    + $"(of which FastTree {ranker.TrainingTime.TotalSeconds:F1} s)");

started = Stopwatch.GetTimestamp();
var score = NextLineEvaluation.Run(index, phonetics, ranker, queries, options.Seed);
Console.WriteLine($"next line: top-1 {score.TopOne:P1}, MRR {score.MeanReciprocalRank:F3} over {score.Queries} held-out questions of "
    + $"{score.Candidates} lines (chance {score.ChanceTopOne:P2}), {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");

var generator = new EmbeddedLyricsGenerator(index, phonetics);
var latencies = new List<double>();
for (var seed = 0; seed < 20; seed++)
{
    started = Stopwatch.GetTimestamp();
    generator.Generate(new GenerationRequest("the studio microphone at night", Lines: 16, RhymeScheme: "AABB", Seed: seed), null, ranker);
    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
}
latencies.Sort();
Console.WriteLine($"generate 16 lines AABB: p50 {latencies[latencies.Count / 2]:F0} ms, max {latencies[^1]:F0} ms over {latencies.Count} requests");

// Songs as text files under the folder, one folder per artist (as Malmi's lyrics_en: artist/album/song.txt).
static List<(string Artist, string Lyrics)> LyricsFolder(string folder) =>
    [.. Directory.EnumerateFiles(folder, "*.txt", SearchOption.AllDirectories)
        .Where(path => !Path.GetFileName(path).StartsWith('.'))
        .Order(StringComparer.Ordinal)
        .Select(path => (Path.GetRelativePath(folder, path).Split(Path.DirectorySeparatorChar)[0], File.ReadAllText(path)))];

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
