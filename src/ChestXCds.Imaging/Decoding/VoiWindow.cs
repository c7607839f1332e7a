namespace ChestXCds.Imaging.Decoding;

/// <summary>A VOI window (0028,1050)/(0028,1051) with its function (0028,1056), in modality units.</summary>
/// <param name="Function">LINEAR (default), LINEAR_EXACT or SIGMOID (PS3.3 C.11.2.1.3).</param>
public sealed record VoiWindow(double Center, double Width, string Function = "LINEAR");
