namespace RapAnalyzer.Enrichment.Features;

/// <summary>Digits as the words a rapper says: "50" fifty, "1996" nineteen ninety six, "2024" twenty twenty four.</summary>
public static class NumberSpeller
{
    private static readonly string[] Ones =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Size, string Name)[] Scales = [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")];

    /// <summary>The words of a run of ASCII digits; a leading zero or more than 12 digits is read digit by digit.</summary>
    public static IReadOnlyList<string> Words(string digits)
    {
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Expected ASCII digits only.", nameof(digits));
        }
        if ((digits.Length > 1 && digits[0] == '0') || digits.Length > 12)
        {
            return [.. digits.Select(d => Ones[d - '0'])];
        }
        var number = long.Parse(digits);
        // Years are said in pairs; 2000–2009 are said as thousands ("two thousand five").
        if (digits.Length == 4 && number is >= 1100 and <= 1999 or >= 2010 and <= 2099)
        {
            var (century, year) = (number / 100, number % 100);
            return [.. Cardinal(century), .. year switch { 0 => ["hundred"], < 10 => ["oh", Ones[year]], _ => Cardinal(year) }];
        }
        return Cardinal(number);
    }

    private static List<string> Cardinal(long number)
    {
        if (number == 0)
        {
            return ["zero"];
        }
        var words = new List<string>();
        foreach (var (size, name) in Scales)
        {
            if (number >= size)
            {
                words.AddRange(Cardinal(number / size));
                words.Add(name);
                number %= size;
            }
        }
        if (number >= 100)
        {
            words.AddRange([Ones[number / 100], "hundred"]);
            number %= 100;
        }
        if (number >= 20)
        {
            words.Add(Tens[number / 10]);
            number %= 10;
            if (number > 0)
            {
                words.Add(Ones[number]);
            }
        }
        else if (number > 0)
        {
            words.Add(Ones[number]);
        }
        return words;
    }
}
