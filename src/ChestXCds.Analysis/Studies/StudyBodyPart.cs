namespace ChestXCds.Analysis.Studies;

/// <summary>What a radiograph's FHIR metadata (body sites, procedure codes, descriptions) says about its body part.</summary>
public enum StudyBodyPart
{
    /// <summary>It names the chest: a chest body site or procedure code, or a chest word in a description.</summary>
    Chest,

    /// <summary>It names something, and not the chest (a knee, a local procedure code): never counted, never queried.</summary>
    NotChest,

    /// <summary>It names nothing at all (common in real feeds): only the study's DICOM header can tell.</summary>
    Undetermined,
}
