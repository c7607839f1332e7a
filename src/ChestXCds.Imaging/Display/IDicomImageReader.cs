namespace ChestXCds.Imaging.Display;

/// <summary>Reads a local DICOM file into a display-ready image (used by `chestx render`, `classify` and the retriever).</summary>
public interface IDicomImageReader
{
    /// <exception cref="Errors.CorruptInstanceException">Not DICOM, truncated, or undecodable pixel data.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    DicomImage Read(string path);
}
