using System.Globalization;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What is wrong with one configuration section's settings, for an options validator: each failure names its
/// setting ("Spotify:TimeoutSeconds ..."), so a service refusing to start says what to fix.
/// </summary>
public sealed class SettingFailures(string section)
{
    private readonly List<string> _failures = [];

    public ValidateOptionsResult Result => _failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_failures);

    public SettingFailures Add(string setting, string problem)
    {
        _failures.Add($"{section}:{setting} {problem}");
        return this;
    }

    public SettingFailures Url(string setting, string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? this
            : Add(setting, $"'{value}' must be an absolute http(s) URL.");

    public SettingFailures Required(string setting, string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? Add(setting, $"must name {what}.") : this;

    /// <summary>A key, token or secret, which may be left empty; whitespace in one is a paste that went wrong.</summary>
    public SettingFailures Secret(string setting, string? value) =>
        string.IsNullOrWhiteSpace(value) || !value.Any(char.IsWhiteSpace)
            ? this
            : Add(setting, "must not contain whitespace (paste the value alone, without 'Bearer').");

    /// <summary>A value that may be left empty (null), and is otherwise checked. Written so that NaN fails too.</summary>
    public SettingFailures Range(string setting, double? value, double min, double max) =>
        value is not { } number || number >= min && number <= max
            ? this
            : Add(setting, string.Create(CultureInfo.InvariantCulture, $"must be between {min} and {max} (it is {number})."));
}
