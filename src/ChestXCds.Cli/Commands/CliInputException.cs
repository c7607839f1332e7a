namespace ChestXCds.Cli.Commands;

/// <summary>Bad input a user can fix (missing column, malformed line); printed without a stack trace.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException()
    {
    }

    public CliInputException(string message)
        : base(message)
    {
    }

    public CliInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
