using RapAnalyzer.Bench;

// The AppHost's own log (health checks failing while the servers start) would bury the tables.
Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
Environment.SetEnvironmentVariable("Logging__LogLevel__Microsoft.Extensions.Diagnostics.HealthChecks", "None");
return await SearchBenchmark.RunAsync(args);
