namespace ChestXCds.Domain.Records;

/// <summary>A draft order of order-sign/order-select: its type, id and codes (the FHIR resource is read once by ChestXCds.Fhir).</summary>
/// <param name="ResourceType">ServiceRequest, MedicationRequest, …</param>
/// <param name="Id">The draft resource's id; null when the EHR sent none.</param>
/// <param name="Codes">The codings of its code (ServiceRequest.code); empty for other types.</param>
/// <param name="Text">The code's text, else the first coding display.</param>
public sealed record OrderRecord(string ResourceType, string? Id, IReadOnlyList<CodedValue> Codes, string? Text)
{
    /// <summary>"{ResourceType}/{id}", or null without an id.</summary>
    public string? Reference => Id is null ? null : ResourceType + "/" + Id;
}
