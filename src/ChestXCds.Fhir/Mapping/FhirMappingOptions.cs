namespace ChestXCds.Fhir.Mapping;

/// <summary>Settings for mapping analyses to FHIR resources (configuration section <see cref="SectionName"/>).</summary>
public sealed class FhirMappingOptions
{
    public const string SectionName = "Fhir:Mapping";

    /// <summary>Device.manufacturer of the AI Device: who is answerable for the deployed model. Default "ChestXCds".</summary>
    public string DeviceManufacturer { get; set; } = "ChestXCds";
}
