using System.Security.Cryptography;
using System.Text.Json;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>
/// Passwords for the local servers: generated once, kept in the data folder (readable by its owner only),
/// so a server initialised in an earlier run still accepts them.
/// </summary>
public sealed class SecretStore(string path)
{
    private readonly Lock _gate = new();
    private Dictionary<string, string>? _secrets;

    public string Get(string name)
    {
        lock (_gate)
        {
            _secrets ??= File.Exists(path)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? []
                : [];
            if (!_secrets.TryGetValue(name, out var value))
            {
                value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                _secrets[name] = value;
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, JsonSerializer.Serialize(_secrets));
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return value;
        }
    }
}
