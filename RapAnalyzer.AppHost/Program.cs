using RapAnalyzer.AppHost;
using RapAnalyzer.AppHost.Publish;

var arguments = AppHostArguments.ToConfiguration(args);
if (arguments.FirstOrDefault() == "publish")
{
    return KubernetesPublisher.Run(arguments[1..]);
}

var builder = DistributedApplication.CreateBuilder(arguments);
AppModel.Define(builder);
builder.Build().Run();
return 0;
