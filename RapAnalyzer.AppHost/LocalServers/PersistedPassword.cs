using Aspire.Hosting.Publishing;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>
/// A server password generated on first use and kept in the data folder's secrets, so a server initialised in an
/// earlier run still accepts it; published manifests carry a development value for an overlay to replace.
/// </summary>
public sealed class PersistedPassword(SecretStore secrets, string name) : ParameterDefault
{
    public static string DevelopmentValue(string name) => $"dev-{name}";

    public override string GetDefaultValue() => secrets.Get(name);

    public override void WriteToManifest(ManifestPublishingContext context) =>
        context.Writer.WriteString("value", DevelopmentValue(name));
}
