using RapAnalyzer.AppHost;

return await AppHostCommand.RunAsync(args);
