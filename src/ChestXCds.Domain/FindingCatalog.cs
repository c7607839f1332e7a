namespace ChestXCds.Domain;

/// <summary>
/// The vocabulary of findings: the 14 NIH ChestX-ray14 labels, the CheXpert observations that differ
/// from them, and "No Finding". Model manifests and the report extractor map onto these ids.
/// Codes are SNOMED CT concepts (clinical findings) chosen for chest radiograph reporting.
/// </summary>
public static class FindingCatalog
{
    private static readonly FindingDefinition[] Definitions =
    [
        new("Atelectasis", "Atelectasis", Snomed("46621007", "Atelectasis"), true),
        new("Cardiomegaly", "Cardiomegaly", Snomed("8186001", "Cardiomegaly"), false),
        new("Effusion", "Pleural effusion", Snomed("60046008", "Pleural effusion"), true),
        new("Infiltration", "Infiltration", Snomed("409609008", "Radiologic infiltrate of lung"), true),
        new("Mass", "Mass", Snomed("309529002", "Lung mass"), true),
        new("Nodule", "Nodule", Snomed("427359005", "Solitary nodule of lung"), true),
        new("Pneumonia", "Pneumonia", Snomed("233604007", "Pneumonia"), true),
        new("Pneumothorax", "Pneumothorax", Snomed("36118008", "Pneumothorax"), true),
        new("Consolidation", "Consolidation", Snomed("95436008", "Lung consolidation"), true),
        new("Edema", "Pulmonary edema", Snomed("19242006", "Pulmonary edema"), true),
        new("Emphysema", "Emphysema", Snomed("87433001", "Pulmonary emphysema"), false),
        new("Fibrosis", "Fibrosis", Snomed("51615001", "Fibrosis of lung"), false),
        new("Pleural_Thickening", "Pleural thickening", Snomed("44608003", "Pleural thickening"), false),
        new("Hernia", "Hernia", Snomed("84089009", "Hiatal hernia"), false),
        new("Enlarged_Cardiomediastinum", "Enlarged cardiomediastinum", Snomed("275384009", "Mediastinal widening"), false),
        new("Lung_Opacity", "Lung opacity", Snomed("263356002", "Opacity of lung"), true),
        new("Lung_Lesion", "Lung lesion", Snomed("300332007", "Lesion of lung"), true),
        new("Pleural_Other", "Pleural abnormality (other)", Snomed("3514002", "Disorder of pleura"), false),
        new("Fracture", "Fracture", Snomed("125605004", "Fracture of bone"), true),
        new("Support_Devices", "Support devices", Snomed("49062001", "Device"), false),
        new("No_Finding", "No finding", Snomed("281900007", "No abnormality detected"), false),
        // Pneumonia subtypes named by 3-class pediatric pneumonia models (models/squeezenet-pneumonia.json).
        new("Bacterial_Pneumonia", "Bacterial pneumonia", Snomed("53084003", "Bacterial pneumonia"), true),
        new("Viral_Pneumonia", "Viral pneumonia", Snomed("75570004", "Viral pneumonia"), true),
    ];

    private static readonly Dictionary<string, FindingDefinition> ById =
        Definitions.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The ChestX-ray14 label ids, in the NIH order.</summary>
    public static IReadOnlyList<string> Nih14 { get; } =
    [
        "Atelectasis", "Cardiomegaly", "Effusion", "Infiltration", "Mass", "Nodule", "Pneumonia",
        "Pneumothorax", "Consolidation", "Edema", "Emphysema", "Fibrosis", "Pleural_Thickening", "Hernia",
    ];

    /// <summary>The CheXpert labeler's 14 observations, mapped to catalog ids, in the labeler's column order.</summary>
    public static IReadOnlyList<(string Column, string FindingId)> CheXpert14 { get; } =
    [
        ("No Finding", "No_Finding"),
        ("Enlarged Cardiomediastinum", "Enlarged_Cardiomediastinum"),
        ("Cardiomegaly", "Cardiomegaly"),
        ("Lung Lesion", "Lung_Lesion"),
        ("Lung Opacity", "Lung_Opacity"),
        ("Edema", "Edema"),
        ("Consolidation", "Consolidation"),
        ("Pneumonia", "Pneumonia"),
        ("Atelectasis", "Atelectasis"),
        ("Pneumothorax", "Pneumothorax"),
        ("Pleural Effusion", "Effusion"),
        ("Pleural Other", "Pleural_Other"),
        ("Fracture", "Fracture"),
        ("Support Devices", "Support_Devices"),
    ];

    public static IReadOnlyList<FindingDefinition> All => Definitions;

    public static bool TryGet(string id, out FindingDefinition definition) =>
        ById.TryGetValue(id, out definition!);

    /// <summary>Returns the definition or throws <see cref="KeyNotFoundException"/> naming the unknown id.</summary>
    public static FindingDefinition Get(string id) =>
        ById.TryGetValue(id, out var d) ? d : throw new KeyNotFoundException($"Finding '{id}' is not in the finding catalog.");

    private static FindingCode Snomed(string code, string display) => new(FindingCode.SnomedCt, code, display);
}
