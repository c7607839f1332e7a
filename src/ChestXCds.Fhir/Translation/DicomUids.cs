using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Translation;

/// <summary>
/// The one reading of a DICOM UID in FHIR: an identifier with system urn:dicom:uid whose value is the UID,
/// written "urn:oid:1.2.3" (FHIR R4 ImagingStudy.identifier notes) or bare. Whitespace is trimmed and the
/// urn:oid: prefix matched in any case; the UID itself is compared exactly (DICOM UIDs are digits and dots).
/// </summary>
public static class DicomUids
{
    /// <summary>The identifier system of DICOM UIDs in FHIR.</summary>
    public const string System = "urn:dicom:uid";

    private const string OidPrefix = "urn:oid:";

    /// <summary>The Study Instance UID among <paramref name="identifiers"/>, or null when none has system urn:dicom:uid and a value.</summary>
    public static string? From(IEnumerable<Identifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var value = identifiers.FirstOrDefault(i => string.Equals(i.System?.Trim(), System, StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(i.Value))?.Value;
        return value is null ? null : Normalize(value);
    }

    /// <summary>The UID without surrounding whitespace or a urn:oid: prefix; empty for null.</summary>
    public static string Normalize(string? value)
    {
        var trimmed = (value ?? string.Empty).Trim();
        return trimmed.StartsWith(OidPrefix, StringComparison.OrdinalIgnoreCase) ? trimmed[OidPrefix.Length..].Trim() : trimmed;
    }

    /// <summary>The identifier FHIR R4 writes for a UID: system urn:dicom:uid, value "urn:oid:" + UID.</summary>
    public static Identifier ToIdentifier(string uid) => new(System, OidPrefix + Normalize(uid));
}
