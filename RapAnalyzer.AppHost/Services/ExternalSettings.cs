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
        return builder.AddParameter(name, new ConfiguredValue(builder.Configuration, $"Parameters:{name}", variable.Replace("__", ":")), secret: secret);
    }

    public static IResourceBuilder<ProjectResource> WithExternalSetting(this IResourceBuilder<ProjectResource> builder, string variable,
        IResourceBuilder<ParameterResource> parameter)
    {
        builder.WithAnnotation(new ExternalSettingAnnotation(variable, parameter.Resource));
        return builder.WithEnvironment(context =>
        {
            if (context.ExecutionContext.IsRunMode && parameter.Resource.Default is ConfiguredValue { Value.Length: > 0 })
            {
                context.EnvironmentVariables[variable] = parameter.Resource;
            }
        });
    }

    /// <summary>The value the AppHost's configuration holds, read without waiting for the start, so an empty one is never passed on.</summary>
    private sealed class ConfiguredValue(IConfiguration configuration, params string[] keys) : ParameterDefault
    {
        public string Value => keys.Select(key => configuration[key]).FirstOrDefault(value => value is not null) ?? "";

        public override string GetDefaultValue() => Value;

        public override void WriteToManifest(Aspire.Hosting.Publishing.ManifestPublishingContext context) =>
            context.Writer.WriteString("value", "");
    }
}
