using System.CommandLine;
using ChestXCds.Fhir.Validation;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx validate &lt;file.json&gt;`: validates a FHIR R4 resource, or each entry of a Bundle, with Firely against
/// base R4 and the ChestXCds profiles (the same <see cref="FirelyResourceValidator"/> the service uses).
/// Exit codes: 0 no errors, 1 errors found, 2 the file is missing or is not FHIR JSON.
/// </summary>
internal static class ValidateCommand
{
    public const int Valid = 0;
    public const int Invalid = 1;
    public const int BadInput = 2;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A FHIR R4 resource or Bundle, as JSON." };
        var verbose = new Option<bool>("--verbose") { Description = "Also print information issues (e.g. code systems not checkable offline)." };
        var command = new Command("validate", "Validate a FHIR R4 JSON resource or Bundle against base R4 and the ChestXCds profiles.");
        command.Arguments.Add(file);
        command.Options.Add(verbose);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(verbose),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string path, bool verbose, TextWriter output, TextWriter error)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"error: cannot read '{path}': {e.Message}");
            return BadInput;
        }

        var results = new FirelyResourceValidator().ValidateJson(json);
        if (results is [{ ResourceLabel: "input" } only] && only.Issues.Any(i => i.Severity == FhirIssueSeverity.Fatal))
        {
            error.WriteLine($"error: '{path}' is not FHIR JSON: {only.Issues.First(i => i.Severity == FhirIssueSeverity.Fatal).Message}");
            return BadInput;
        }

        var errors = 0;
        var warnings = 0;
        foreach (var result in results)
        {
            var resultErrors = result.Issues.Count(i => i.IsError);
            var resultWarnings = result.Issues.Count(i => i.Severity == FhirIssueSeverity.Warning);
            errors += resultErrors;
            warnings += resultWarnings;
            output.WriteLine($"{result.ResourceLabel}: {(resultErrors == 0 ? "valid" : "INVALID")} ({resultErrors} error(s), {resultWarnings} warning(s))");
            foreach (var issue in result.Issues.Where(i => verbose || i.Severity != FhirIssueSeverity.Information))
            {
                output.WriteLine("  " + issue);
            }
        }

        output.WriteLine($"{results.Count} resource(s) validated: {errors} error(s), {warnings} warning(s).");
        return errors == 0 ? Valid : Invalid;
    }
}
