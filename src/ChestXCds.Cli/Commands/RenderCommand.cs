using System.CommandLine;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx render &lt;file.dcm&gt; --out &lt;file.png&gt;`: writes the display-ready 8-bit greyscale image
/// (modality LUT, VOI window or LUT, MONOCHROME1 inverted) as a PNG.
/// Exit codes: 0 written, 2 bad input (missing, non-DICOM or undecodable file; unwritable output).
/// </summary>
internal static class RenderCommand
{
    public const int BadInput = 2;

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A DICOM image (.dcm)." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the PNG.", Required = true };
        var command = new Command("render", "Render a DICOM image to an 8-bit greyscale PNG as it is displayed (after modality LUT, VOI and MONOCHROME1 inversion).");
        command.Arguments.Add(file);
        command.Options.Add(output);
        command.SetAction(parseResult => Run(
            parseResult.GetValue(file)!,
            parseResult.GetValue(output)!,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string path, string outputPath, TextWriter output, TextWriter error)
    {
        try
        {
            var image = new DicomImageReader().Read(path);
            PngEncoder.WriteFile(image.Image, outputPath);
            output.WriteLine($"{outputPath}: {image.Image.Width}x{image.Image.Height} 8-bit greyscale from {image.Attributes.PhotometricInterpretation} {image.Attributes.BitsStored}-bit {image.Attributes.TransferSyntaxName}");
            return 0;
        }
        catch (Exception e) when (e is ImagingException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("error: " + e.Message);
            return BadInput;
        }
    }
}
