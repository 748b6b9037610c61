using RapAnalyzer.Bench;

return await AnalyzeBenchmark.RunAsync(args);
