using ChestXCds.Imaging.Decoding;
using ChestXCds.Imaging.Display;

namespace ChestXCds.Imaging;

/// <summary>The chosen image of a study, decoded and display-ready.</summary>
public sealed record RetrievedChestImage(
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string SopInstanceUid,
    DicomImageAttributes Attributes,
    DisplayImage Image);
