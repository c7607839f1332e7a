using System.Text;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// Streams RFC 4180 CSV records (quoted fields may hold commas, quotes and line breaks), reporting the
/// line each record starts on so errors can name it.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader reader;
    private int line = 1;

    public CsvRecordReader(TextReader reader) => this.reader = reader;

    /// <summary>The 1-based line the last record returned started on.</summary>
    public int RecordLine { get; private set; }

    public string[]? Read()
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        RecordLine = line;
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (quoted)
                {
                    throw new CliInputException($"line {RecordLine}: a quoted field is not closed before the end of the file.");
                }

                fields.Add(field.ToString());
                return fields.ToArray();
            }

            var c = (char)next;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                line++;
                fields.Add(field.ToString());
                return fields.ToArray();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }
    }

    public static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
