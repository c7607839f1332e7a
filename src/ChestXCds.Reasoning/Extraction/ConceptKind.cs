namespace ChestXCds.Reasoning.Extraction;

/// <summary>Whether a concept is an abnormality (blocks "No Finding"), a device, or plain anatomy.</summary>
public enum ConceptKind
{
    Abnormality,
    Device,
    Anatomy,
}
