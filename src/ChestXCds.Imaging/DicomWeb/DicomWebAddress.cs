using ChestXCds.Domain;
using ChestXCds.Imaging.Errors;

namespace ChestXCds.Imaging.DicomWeb;

/// <summary>
/// Resolves where to send QIDO-RS/WADO-RS for a study. Endpoint.address is either a WADO-RS base URL
/// (…/dicom-web) or a study URL (…/dicom-web/studies/{uid}); without one, the configured default base.
/// </summary>
public static class DicomWebAddress
{
    /// <returns>The base URL without a trailing slash, e.g. http://pacs/dicom-web.</returns>
    /// <exception cref="InvalidDicomWebAddressException">No usable address, or an invalid Study Instance UID.</exception>
    public static Uri ResolveBase(DicomStudyLocation location, string? defaultBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!DicomUid.IsValid(location.StudyInstanceUid))
        {
            throw new InvalidDicomWebAddressException("The Study Instance UID is not a valid DICOM UID (digits and dots, at most 64 characters).");
        }

        var address = string.IsNullOrWhiteSpace(location.WadoRsAddress) ? defaultBaseAddress : location.WadoRsAddress;
        if (string.IsNullOrWhiteSpace(address))
        {
            throw new InvalidDicomWebAddressException(
                "The ImagingStudy names no dicom-wado-rs Endpoint and no default DICOMweb base address is configured (Imaging:DicomWeb:DefaultBaseAddress).");
        }

        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidDicomWebAddressException("The DICOMweb address is not an absolute http(s) URL.");
        }

        var path = uri.AbsolutePath.TrimEnd('/');
        var studies = path.LastIndexOf("/studies/", StringComparison.OrdinalIgnoreCase);
        if (studies >= 0)
        {
            // A study URL: the base is what precedes /studies/{uid}; any deeper path (series, instances) is dropped too.
            path = path[..studies];
        }
        else if (path.EndsWith("/studies", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/studies".Length];
        }

        var builder = new UriBuilder(uri) { Path = path, Query = string.Empty, Fragment = string.Empty };
        return new Uri(builder.Uri.AbsoluteUri.TrimEnd('/'));
    }
}
