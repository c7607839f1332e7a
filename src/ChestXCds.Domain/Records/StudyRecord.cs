namespace ChestXCds.Domain.Records;

/// <summary>
/// What the service needs of an ImagingStudy, read once by ChestXCds.Fhir (ImagingStudyReader). Holds no FHIR
/// model type, so the analysis decides on these values alone. Holds identifiers: never log it.
/// </summary>
public sealed record StudyRecord
{
    /// <summary>The resource id; null when the server sent none.</summary>
    public string? Id { get; init; }

    /// <summary>"ImagingStudy/{id}", or null without an id.</summary>
    public string? Reference => Id is null ? null : "ImagingStudy/" + Id;

    /// <summary>Study Instance UID (0020,000D) without urn:oid:; null when no identifier has system urn:dicom:uid.</summary>
    public string? StudyInstanceUid { get; init; }

    /// <summary>ImagingStudy.started; null when absent or not a date-time.</summary>
    public DateTimeOffset? Started { get; init; }

    /// <summary>Cancelled or entered in error: the study does not count.</summary>
    public bool Withdrawn { get; init; }

    /// <summary>Modality codes of the study and its series (DICOM CID 29), upper case, each once.</summary>
    public IReadOnlyList<string> Modalities { get; init; } = [];

    /// <summary>The series' body sites.</summary>
    public IReadOnlyList<CodedValue> BodySites { get; init; } = [];

    /// <summary>The procedure codes' codings.</summary>
    public IReadOnlyList<CodedValue> ProcedureCodes { get; init; } = [];

    /// <summary>Free text that can name the body part: the study, procedure and series descriptions, body site displays.</summary>
    public IReadOnlyList<string> Texts { get; init; } = [];

    /// <summary>A human description: the study's description, else its procedure's text or display; null when none.</summary>
    public string? Description { get; init; }

    /// <summary>References of the orders the study fulfils (ImagingStudy.basedOn).</summary>
    public IReadOnlyList<string> BasedOn { get; init; } = [];

    /// <summary>The Endpoints the study and its series name, in the order FHIR lists them (study first).</summary>
    public IReadOnlyList<StudyEndpoint> Endpoints { get; init; } = [];
}
