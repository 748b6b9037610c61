using Microsoft.Extensions.Configuration;

namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// Settings of the external APIs (Genius, Spotify, the LLM and embedding endpoints) as Aspire parameters, shown in the
/// dashboard. A parameter takes its value from <c>Parameters:{name}</c> or from the variable the service reads
/// (<c>Genius__AccessToken</c>...) in the AppHost's own environment, and is empty otherwise, so an unset one never blocks
/// a start or prompts; a service is given only the settings that have a value.
/// </summary>
public static class ExternalSettings
{
    /// <summary>The marker a publisher reads: this variable of the project is an operator's setting, not the model's.</summary>
    public sealed record ExternalSettingAnnotation(string Variable, ParameterResource Parameter) : IResourceAnnotation;

    public static IResourceBuilder<ParameterResource> AddExternalSetting(this IDistributedApplicationBuilder builder, string name,
        string variable, bool secret = false)
    {
        var value = builder.Configuration[$"Parameters:{name}"] ?? builder.Configuration[variable.Replace("__", ":")] ?? "";
        return builder.AddParameter(name, value, secret: secret);
    }

    public static IResourceBuilder<ProjectResource> WithExternalSetting(this IResourceBuilder<ProjectResource> builder, string variable,
        IResourceBuilder<ParameterResource> parameter)
    {
        builder.WithAnnotation(new ExternalSettingAnnotation(variable, parameter.Resource));
        return builder.WithEnvironment(async context =>
        {
            if (context.ExecutionContext.IsRunMode
                && !string.IsNullOrEmpty(await parameter.Resource.GetValueAsync(context.CancellationToken)))
            {
                context.EnvironmentVariables[variable] = parameter.Resource;
            }
        });
    }
}
