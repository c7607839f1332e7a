namespace ChestXCds.Imaging.Errors;

/// <summary>The study has no usable DICOMweb address: the Endpoint's is malformed, or none is given and no default is configured.</summary>
public sealed class InvalidDicomWebAddressException(string message) : ImagingException(message);
