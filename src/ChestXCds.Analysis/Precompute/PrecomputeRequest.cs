using ChestXCds.Domain;

namespace ChestXCds.Analysis.Precompute;

/// <summary>A study to analyse before any hook asks for it.</summary>
/// <param name="Location">Where its images are.</param>
/// <param name="Client">The CDS client that asked: the result is cached for that client's hooks only.</param>
/// <param name="FhirAccessToken">A token for the PACS when the deployment forwards one; usually null.</param>
public sealed record PrecomputeRequest(DicomStudyLocation Location, string Client, string? FhirAccessToken = null)
{
    /// <summary>Hides the token from the generated ToString, which could end up in a log.</summary>
    public override string ToString() => $"PrecomputeRequest {{ Study = {Location.StudyInstanceUid} }}";
}
