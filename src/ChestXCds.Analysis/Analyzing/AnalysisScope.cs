using System.Security.Cryptography;
using System.Text;
using ChestXCds.Domain;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// Whose analysis a result is: the CDS client that asked (its JWT issuer) and the exact image source the pixels came
/// from (the study's WADO-RS address, or the configured default). Every cached or shared analysis result is kept
/// under its scope, so one client can never read or poison another's results, nor a PACS it controls another's
/// (SECURITY.md, tenant isolation).
/// </summary>
/// <param name="Client">The calling client's issuer (CDS client JWT <c>iss</c>), or another stable caller id.</param>
/// <param name="ImageSource">The study's WADO-RS address as the ImagingStudy named it; "default" for the configured base.</param>
public sealed record AnalysisScope(string Client, string ImageSource)
{
    /// <summary>The image source a location names: its address, trimmed, or "default".</summary>
    public static AnalysisScope Of(string client, DicomStudyLocation location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(client);
        ArgumentNullException.ThrowIfNull(location);
        var address = location.WadoRsAddress?.Trim();
        return new AnalysisScope(client, string.IsNullOrEmpty(address) ? "default" : address.TrimEnd('/'));
    }

    /// <summary>A digest of client and source, for cache keys (no URL or issuer in a key a shared cache lists).</summary>
    public string Key { get; } = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Client + "\n" + ImageSource)), 0, 16);

    /// <summary>Hides nothing secret, but keeps addresses out of logs that print records.</summary>
    public override string ToString() => $"AnalysisScope {{ Key = {Key} }}";
}
