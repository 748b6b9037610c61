using RapAnalyzer.Bench;

return await IngestBenchmark.RunAsync(args);
