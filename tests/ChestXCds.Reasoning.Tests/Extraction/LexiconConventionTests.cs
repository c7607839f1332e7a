using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Reasoning.Tests.Extraction;

// REQ-RSN-01: what each observation counts, following NegBio's ChestX-ray14 and CheXpert's mention lists and the
// conventions of Open-i's MeSH indexing (the source of the NegBio gold labels).
public sealed class LexiconConventionTests
{
    private readonly ReportFindingExtractor extractor = new();

    private Assertion? AssertionOf(string text, string findingId)
    {
        var mentions = extractor.ExtractObservations(text).Where(f => f.FindingId == findingId).ToList();
        return mentions.Count == 0 ? null : mentions.Any(f => f.Assertion == Assertion.Present) ? Assertion.Present : mentions[0].Assertion;
    }

    [Theory]
    [InlineData("Heart size is upper limits of normal.")]
    [InlineData("The heart is top normal in size.")]
    [InlineData("Heart size near top normal limits, stable mediastinal contours.")]
    [InlineData("The cardiac silhouette is at the upper limits of normal for size.")]
    public void GivenHeartAtUpperLimitsOfNormal_WhenExtracting_ThenCardiomegalyIsAbsent(string text)
    {
        Assert.Equal(Assertion.Absent, AssertionOf(text, "Cardiomegaly"));
    }

    [Theory]
    [InlineData("Borderline cardiomegaly.")]
    [InlineData("Borderline heart size.")]
    [InlineData("The cardiac silhouette is borderline enlarged.")]
    [InlineData("Borderline enlargement of the heart.")]
    public void GivenBorderlineCardiomegaly_WhenExtracting_ThenItIsPresentAsAGrade(string text)
    {
        Assert.Equal(Assertion.Present, AssertionOf(text, "Cardiomegaly"));
    }

    [Theory]
    [InlineData("Stable nodular opacity within the left midlung.")]
    [InlineData("Nodular densities consistent with chronic granulomatous disease.")]
    public void GivenNodularOpacity_WhenExtracting_ThenItIsALungLesionNotANodule(string text)
    {
        Assert.Null(AssertionOf(text, "Nodule"));
        Assert.Equal(Assertion.Present, AssertionOf(text, "Lung_Lesion"));
    }

    [Theory]
    [InlineData("Stable lingular nodule, presumably granuloma.")]
    [InlineData("Multiple scattered calcified pulmonary nodules.")]
    public void GivenNodule_WhenExtracting_ThenItIsANodule(string text)
    {
        Assert.Equal(Assertion.Present, AssertionOf(text, "Nodule"));
    }

    [Fact]
    public void GivenNeoplasm_WhenExtracting_ThenItIsALungLesionNotAMass()
    {
        const string text = "Multiple nodules in both lungs consistent with neoplasm.";
        Assert.Null(AssertionOf(text, "Mass"));
        Assert.Equal(Assertion.Present, AssertionOf(text, "Lung_Lesion"));
    }

    [Fact]
    public void GivenPleuralScarring_WhenExtracting_ThenItIsPleuralOtherNotPleuralThickening()
    {
        const string text = "Bilateral apical pleural scarring is present.";
        Assert.Null(AssertionOf(text, "Pleural_Thickening"));
        Assert.Equal(Assertion.Present, AssertionOf(text, "Pleural_Other"));
    }

    [Theory]
    [InlineData("There is thickening of the fissure.", Assertion.Present)]
    [InlineData("There is mild thickening in the fissure.", Assertion.Present)]
    [InlineData("Mild costophrenic blunting and fissural thickening.", Assertion.Present)]
    [InlineData("Fluid in the fissure.", null)]
    public void GivenThickenedFissure_WhenExtracting_ThenItIsPleuralThickening(string text, Assertion? expected)
    {
        Assert.Equal(expected, AssertionOf(text, "Pleural_Thickening"));
    }

    [Fact]
    public void GivenCysticFibrosis_WhenExtracting_ThenItIsNotPulmonaryFibrosis()
    {
        const string text = "Similar exam with changes of cystic fibrosis.";
        Assert.Null(AssertionOf(text, "Fibrosis"));
        Assert.Equal(Assertion.Present, AssertionOf(text, "Cystic_Fibrosis"));
    }

    [Fact]
    public void GivenPriorGranulomatousInfection_WhenExtracting_ThenItIsGranulomaNotPneumonia()
    {
        const string text = "Evidence of previous granulomatous infection.";
        Assert.Null(AssertionOf(text, "Pneumonia"));
        Assert.Equal(Assertion.Present, AssertionOf(text, "Granuloma"));
    }

    [Theory]
    [InlineData("There is levoscoliosis of the thoracic spine.", "Scoliosis")]
    [InlineData("Mild dextrocurvature of the spine again noted.", "Scoliosis")]
    [InlineData("Slight thoracolumbar curvature is noted.", "Scoliosis")]
    [InlineData("The lungs are hypoventilated.", "Hypoinflation")]
    [InlineData("Multilevel cervical arthritis.", "Degenerative_Changes")]
    [InlineData("There are endplate changes within the spine.", "Degenerative_Changes")]
    [InlineData("Pneumoperitoneum, attributed to recent abdominal surgery.", "Pneumoperitoneum")]
    [InlineData("Enlarged pulmonary arteries.", "Pulmonary_Artery_Enlargement")]
    [InlineData("There is a nerve stimulator device projecting over the left hemithorax.", "Support_Devices")]
    public void GivenSynonym_WhenExtracting_ThenTheObservationIsPresent(string text, string findingId)
    {
        Assert.Equal(Assertion.Present, AssertionOf(text, findingId));
    }

    [Theory]
    [InlineData("No visible free air under the diaphragm.", "Pneumoperitoneum")]
    [InlineData("The pulmonary arteries are normal in size.", "Pulmonary_Artery_Enlargement")]
    [InlineData("Lungs are expanded and clear of airspace disease.", "Lung_Opacity")]
    public void GivenNegatedSynonym_WhenExtracting_ThenTheObservationIsAbsent(string text, string findingId)
    {
        Assert.Equal(Assertion.Absent, AssertionOf(text, findingId));
    }
}
