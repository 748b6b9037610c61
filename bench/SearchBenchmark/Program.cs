using RapAnalyzer.Bench;

return await SearchBenchmark.RunAsync(args);
