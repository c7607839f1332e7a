namespace ChestXCds.Domain;

/// <summary>A coded concept for a finding (SNOMED CT or RadLex), as a FHIR Coding would carry it.</summary>
/// <param name="System">The code system URI, e.g. http://snomed.info/sct.</param>
public sealed record FindingCode(string System, string Code, string Display)
{
    public const string SnomedCt = "http://snomed.info/sct";
    public const string RadLex = "http://radlex.org";
}
