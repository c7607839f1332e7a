namespace ChestXCds.Imaging.DicomWeb;

/// <summary>
/// One series from a QIDO-RS series search of a study, with the attributes that name the body part: Modality
/// (0008,0060), Body Part Examined (0018,0015), Series Description (0008,103E) and the study's Study Description
/// (0008,1030). Each is null when the PACS did not return it.
/// </summary>
public sealed record DicomSeriesSummary(
    string? Modality,
    string? BodyPartExamined,
    string? SeriesDescription,
    string? StudyDescription);
