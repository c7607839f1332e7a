namespace ChestXCds.Cli.Commands;

/// <summary>A CSV of reports: header lookup with clear errors, and the report text built from the chosen columns.</summary>
internal sealed class ReportTable
{
    private readonly CsvRecordReader csv;
    private readonly string path;
    private readonly string[] header;

    private ReportTable(CsvRecordReader csv, string path, string[] header)
    {
        this.csv = csv;
        this.path = path;
        this.header = header;
    }

    public int RecordLine => csv.RecordLine;

    public static ReportTable Open(TextReader reader, string path)
    {
        var csv = new CsvRecordReader(reader);
        var header = csv.Read() ?? throw new CliInputException($"{path}: the file is empty (no header row).");
        return new ReportTable(csv, path, header);
    }

    public int Column(string name)
    {
        var index = Array.FindIndex(header, h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return index >= 0
            ? index
            : throw new CliInputException($"{path}: column '{name}' is not in the header (columns: {string.Join(", ", header)}).");
    }

    /// <summary>The next record, checked to have as many fields as the header.</summary>
    public string[]? Next()
    {
        var row = csv.Read();
        if (row is null)
        {
            return null;
        }

        if (row.Length == 1 && row[0].Length == 0)
        {
            return Next();
        }

        return row.Length == header.Length
            ? row
            : throw new CliInputException($"{path}: line {csv.RecordLine} has {row.Length} fields; the header has {header.Length}.");
    }

    /// <summary>"FINDINGS: …\nIMPRESSION: …": the column names become section titles the extractor knows.</summary>
    public static string ReportText(string[] row, IReadOnlyList<(string Name, int Index)> textColumns) =>
        string.Join('\n', textColumns.Where(c => row[c.Index].Trim().Length > 0).Select(c => $"{c.Name.ToUpperInvariant()}: {row[c.Index]}"));
}
