namespace ChestXCds.Imaging.Decoding;

/// <summary>Names of the transfer syntaxes chest radiographs come in (PS3.6 Annex A).</summary>
public static class TransferSyntaxNames
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["1.2.840.10008.1.2"] = "Implicit VR Little Endian",
        ["1.2.840.10008.1.2.1"] = "Explicit VR Little Endian",
        ["1.2.840.10008.1.2.1.99"] = "Deflated Explicit VR Little Endian",
        ["1.2.840.10008.1.2.2"] = "Explicit VR Big Endian",
        ["1.2.840.10008.1.2.4.50"] = "JPEG Baseline (Process 1)",
        ["1.2.840.10008.1.2.4.51"] = "JPEG Extended (Process 2 & 4)",
        ["1.2.840.10008.1.2.4.57"] = "JPEG Lossless (Process 14)",
        ["1.2.840.10008.1.2.4.70"] = "JPEG Lossless SV1 (Process 14, Selection Value 1)",
        ["1.2.840.10008.1.2.4.80"] = "JPEG-LS Lossless",
        ["1.2.840.10008.1.2.4.81"] = "JPEG-LS Near-Lossless",
        ["1.2.840.10008.1.2.4.90"] = "JPEG 2000 Lossless",
        ["1.2.840.10008.1.2.4.91"] = "JPEG 2000",
        ["1.2.840.10008.1.2.5"] = "RLE Lossless",
    };

    public static string NameOf(string transferSyntaxUid) =>
        Names.TryGetValue(transferSyntaxUid, out var name) ? name : transferSyntaxUid;
}
