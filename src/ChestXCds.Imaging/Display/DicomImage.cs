using ChestXCds.Imaging.Decoding;

namespace ChestXCds.Imaging.Display;

/// <summary>A decoded DICOM image: its attributes and its display-ready pixels.</summary>
public sealed record DicomImage(DicomImageAttributes Attributes, DisplayImage Image);
