namespace ChestXCds.Imaging.Errors;

/// <summary>The PACS does not know the study (QIDO returned no series, or 404).</summary>
public sealed class StudyNotFoundException(string studyInstanceUid)
    : ImagingException($"The PACS has no study with Study Instance UID {studyInstanceUid}.")
{
    public string StudyInstanceUid { get; } = studyInstanceUid;
}
