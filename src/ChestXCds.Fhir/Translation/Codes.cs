using ChestXCds.Domain.Records;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Translation;

/// <summary>Codings and texts as the records carry them.</summary>
internal static class Codes
{
    public static CodedValue Of(Coding coding) => new(coding.System?.Trim(), coding.Code?.Trim(), coding.Display);

    public static string? FirstText(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
