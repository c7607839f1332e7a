namespace ChestXCds.Cli.Demo;

/// <summary>The UIDs of one DICOM file as the PACS stored it.</summary>
public sealed record DemoDicom(string FileName, string StudyInstanceUid, string SeriesInstanceUid, string SopInstanceUid, string SopClassUid, string Modality);
