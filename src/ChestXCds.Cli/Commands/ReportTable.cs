using nietras.SeparatedValues;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// A CSV of reports (RFC 4180, read with Sep: quoted fields may hold commas, quotes and line breaks):
/// header lookup with clear errors, one record at a time with the line it starts on, and the report
/// text built from the chosen columns.
/// </summary>
internal sealed class ReportTable : IDisposable
{
    private readonly SepReader csv;
    private readonly string path;
    private readonly string[] header;

    private ReportTable(SepReader csv, string path, string[] header)
    {
        this.csv = csv;
        this.path = path;
        this.header = header;
    }

    /// <summary>The 1-based line the last record returned by <see cref="Next"/> started on.</summary>
    public int RecordLine { get; private set; }

    public static ReportTable Open(TextReader reader, string path)
    {
        // The separator is fixed: Sep would otherwise guess it from the header row.
        var csv = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = true }).From(reader);
        if (csv.Header.IsEmpty)
        {
            csv.Dispose();
            throw new CliInputException($"{path}: the file is empty (no header row).");
        }

        return new ReportTable(csv, path, [.. csv.Header.ColNames]);
    }

    public int Column(string name)
    {
        var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new CliInputException($"{path}: column '{name}' is not in the header (columns: {string.Join(", ", header)}).");
    }

    /// <summary>The next record, checked to have as many fields as the header; blank lines are skipped.</summary>
    public string[]? Next()
    {
        while (csv.MoveNext())
        {
            var row = csv.Current;
            RecordLine = row.LineNumberFrom;

            // Sep reads an unclosed quote to the end of the file as one field; an odd number of quotes in the raw record says so.
            if (row.Span.Count('"') % 2 != 0)
            {
                throw new CliInputException($"{path}: line {RecordLine}: a quoted field is not closed before the end of the file.");
            }

            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue;
            }

            return row.ColCount == header.Length
                ? row[0..row.ColCount].ToStringsArray()
                : throw new CliInputException($"{path}: line {RecordLine} has {row.ColCount} fields; the header has {header.Length}.");
        }

        return null;
    }

    public void Dispose() => csv.Dispose();

    /// <summary>"FINDINGS: …\nIMPRESSION: …": the column names become section titles the extractor knows.</summary>
    public static string ReportText(string[] row, IReadOnlyList<(string Name, int Index)> textColumns) =>
        string.Join('\n', textColumns.Where(c => row[c.Index].Trim().Length > 0).Select(c => $"{c.Name.ToUpperInvariant()}: {row[c.Index]}"));
}
