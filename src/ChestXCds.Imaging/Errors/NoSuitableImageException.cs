namespace ChestXCds.Imaging.Errors;

/// <summary>The study holds no frontal chest radiograph (CR/DX, not lateral); the message says why each candidate was refused.</summary>
public sealed class NoSuitableImageException(string message) : ImagingException(message);
