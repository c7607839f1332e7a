namespace ChestXCds.Imaging.DicomWeb;

/// <summary>One instance from a QIDO-RS search, with the attributes that decide which image to fetch.</summary>
public sealed record DicomInstanceSummary(
    string SeriesInstanceUid,
    string SopInstanceUid,
    string? SopClassUid,
    string? Modality,
    string? ViewPosition,
    string? BodyPartExamined,
    int? InstanceNumber);
