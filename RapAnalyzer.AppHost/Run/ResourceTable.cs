using System.Text;

namespace RapAnalyzer.AppHost.Run;

public static class ResourceTable
{
    public static string Format(LocalRun run)
    {
        var width = run.Runners.Max(r => r.Resource.Name.Length) + 2;
        var table = new StringBuilder();
        table.AppendLine($"{"RESOURCE".PadRight(width)}{"KIND",-24}URL");
        foreach (var runner in run.Runners)
        {
            table.AppendLine($"{runner.Resource.Name.PadRight(width)}{runner.Resource.GetType().Name.Replace("Resource", ""),-24}{runner.Url}");
        }
        return table.ToString();
    }
}
