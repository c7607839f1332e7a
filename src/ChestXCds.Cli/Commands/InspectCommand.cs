using System.CommandLine;
using System.Text.Json;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx inspect &lt;file.dcm&gt;`: decodes the image and prints the attributes that matter for
/// choosing and displaying it as JSON (no patient identifiers).
/// Exit codes: 0 printed, 2 bad input (missing, non-DICOM or undecodable file).
/// </summary>
internal static class InspectCommand
{
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A DICOM image (.dcm)." };
        var command = new Command("inspect", "Print a DICOM image's modality, view, transfer syntax, size, bits and photometric interpretation as JSON.");
        command.Arguments.Add(file);
        command.SetAction(parseResult => Run(parseResult.GetValue(file)!, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string path, TextWriter output, TextWriter error)
    {
        try
        {
            var image = new DicomImageReader().Read(path);
            var a = image.Attributes;
            var summary = new
            {
                file = Path.GetFileName(path),
                modality = a.Modality,
                viewPosition = a.ViewPosition,
                bodyPartExamined = a.BodyPartExamined,
                transferSyntaxUid = a.TransferSyntaxUid,
                transferSyntax = a.TransferSyntaxName,
                width = a.Width,
                height = a.Height,
                frames = a.NumberOfFrames,
                samplesPerPixel = a.SamplesPerPixel,
                bitsAllocated = a.BitsAllocated,
                bitsStored = a.BitsStored,
                pixelRepresentation = a.IsSigned ? "signed" : "unsigned",
                photometricInterpretation = a.PhotometricInterpretation,
                rescaleSlope = a.RescaleSlope,
                rescaleIntercept = a.RescaleIntercept,
            };
            output.WriteLine(JsonSerializer.Serialize(summary, JsonOptions));
            return 0;
        }
        catch (Exception e) when (e is ImagingException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return BadInput;
        }
    }
}
