using System.Globalization;

namespace RapAnalyzer.ServiceDefaults.Http;

/// <summary>Query-string values read as text: empty is "not given", one that does not parse gets a problem naming it.</summary>
public static class QueryValues
{
    public static string? Given(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public static int? Number(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors[name] = [$"{name} must be a whole number from {int.MinValue} to {int.MaxValue}."];
        return null;
    }

    public static double? Decimal(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }
        errors[name] = [$"{name} must be a number."];
        return null;
    }
}
