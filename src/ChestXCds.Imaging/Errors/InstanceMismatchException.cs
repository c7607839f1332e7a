namespace ChestXCds.Imaging.Errors;

/// <summary>
/// The PACS answered with an instance that is not the one asked for (another study or SOP instance): its pixels must
/// not be scored as the requested study's, whatever the PACS meant.
/// </summary>
public sealed class InstanceMismatchException(string message) : ImagingException(message);
