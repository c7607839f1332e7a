using System.Reflection;

namespace ChestXCds.Reasoning.Extraction;

/// <summary>Reads the lexicon, rule and knowledge files embedded in this assembly.</summary>
internal static class EmbeddedText
{
    private const string Prefix = "ChestXCds.Reasoning.Resources.";

    private static Assembly Assembly => typeof(EmbeddedText).Assembly;

    /// <summary>Resource names under a folder, e.g. "Lexicon/" (RecursiveDir keeps the slash).</summary>
    public static IEnumerable<string> Names(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix + folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static string Read(string resourceName)
    {
        using var stream = Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static string ReadFile(string relativePath) => Read(Prefix + relativePath);

    /// <summary>Non-blank, non-comment lines.</summary>
    public static IEnumerable<string> Lines(string content) =>
        content.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'));

    public static string FileStem(string resourceName)
    {
        var withoutExtension = resourceName[..^".txt".Length];
        var slash = withoutExtension.LastIndexOfAny(['/', '\\']);
        return withoutExtension[(slash + 1)..];
    }
}
