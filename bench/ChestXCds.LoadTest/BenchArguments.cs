using System.Globalization;

namespace ChestXCds.LoadTest;

/// <summary>"--name value" pairs after the subcommand.</summary>
public sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public BenchArguments(IEnumerable<string> args)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i += 2)
        {
            if (!list[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= list.Count)
            {
                throw new ArgumentException($"Expected '--name value', got '{list[i]}'.");
            }

            _values[list[i][2..]] = list[i + 1];
        }
    }

    public int Int(string name, int fallback, int min, int max)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be a whole number from {min} to {max}, got '{text}'.");
    }

    public string Text(string name, string fallback) => _values.GetValueOrDefault(name, fallback);
}
