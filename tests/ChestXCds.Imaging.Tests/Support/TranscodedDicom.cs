namespace ChestXCds.Imaging.Tests.Support;

/// <summary>
/// Writes a shared file re-encoded in another transfer syntax with GDCM's own encoder, for syntaxes
/// the shared data lacks (JPEG 2000). The decoder under test then reads it back like any other file.
/// </summary>
internal static class TranscodedDicom
{
    public static string WriteTemp(string source, gdcm.TransferSyntax.TSType transferSyntax)
    {
        var path = Path.Combine(Path.GetTempPath(), $"transcoded-{Guid.NewGuid():N}.dcm");
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(source);
        Assert.True(reader.Read(), $"GDCM could not read {source}");
        using var change = new gdcm.ImageChangeTransferSyntax();
        using var target = new gdcm.TransferSyntax(transferSyntax);
        change.SetTransferSyntax(target);
        change.SetInput(reader.GetImage());
        Assert.True(change.Change(), $"GDCM could not encode {transferSyntax}");
        using var writer = new gdcm.ImageWriter();
        writer.SetFileName(path);
        writer.SetFile(reader.GetFile());
        writer.SetImage(change.GetOutput());
        Assert.True(writer.Write(), $"GDCM could not write {path}");
        return path;
    }
}
