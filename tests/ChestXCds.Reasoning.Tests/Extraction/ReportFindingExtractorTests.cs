using ChestXCds.Domain;
using ChestXCds.Reasoning.Extraction;

namespace ChestXCds.Reasoning.Tests.Extraction;

// REQ-RSN-01: assertion (present, absent, uncertain) with scope-aware negation, uncertainty and pseudo-negation.
// REQ-RSN-02: laterality, location, temporal cue and character spans of each mention.
public sealed class ReportFindingExtractorTests
{
    private readonly ReportFindingExtractor extractor = new();

    private ReportFinding Single(string text, string findingId) =>
        Assert.Single(extractor.Extract(text), f => f.FindingId == findingId);

    [Theory]
    [InlineData("No pleural effusion.", Assertion.Absent)]
    [InlineData("There is a small left pleural effusion.", Assertion.Present)]
    [InlineData("The lungs are clear of focal airspace disease, pneumothorax, or pleural effusion.", Assertion.Absent)]
    [InlineData("Pleural effusion is not seen.", Assertion.Absent)]
    [InlineData("Possible small pleural effusion.", Assertion.Uncertain)]
    [InlineData("A small effusion cannot be excluded.", Assertion.Uncertain)]
    [InlineData("No evidence to suggest pleural effusion.", Assertion.Absent)]
    public void GivenSentence_WhenExtractingEffusion_ThenAssertionFollowsTriggers(string text, Assertion expected)
    {
        Assert.Equal(expected, Single(text, "Effusion").Assertion);
    }

    [Fact]
    public void GivenNegationBeforeTerminator_WhenFindingFollowsBut_ThenFindingIsPresent()
    {
        var findings = extractor.Extract("No pneumothorax but there is left basilar atelectasis.");
        Assert.Equal(Assertion.Absent, findings.Single(f => f.FindingId == "Pneumothorax").Assertion);
        Assert.Equal(Assertion.Present, findings.Single(f => f.FindingId == "Atelectasis").Assertion);
    }

    [Fact]
    public void GivenNegationInEarlierSentence_WhenFindingInNextSentence_ThenScopeEndsAtSentence()
    {
        var findings = extractor.Extract("No pneumothorax. Cardiomegaly.");
        Assert.Equal(Assertion.Present, findings.Single(f => f.FindingId == "Cardiomegaly").Assertion);
    }

    [Fact]
    public void GivenNegationFarBeforeFinding_WhenBeyondScopeWindow_ThenFindingIsPresent()
    {
        var finding = Single("No acute osseous abnormality of the ribs or the spine and the shoulders today with edema.", "Edema");
        Assert.Equal(Assertion.Present, finding.Assertion);
    }

    [Theory]
    [InlineData("No change in the mild cardiomegaly.")]
    [InlineData("No significant change in cardiomegaly.")]
    public void GivenPseudoNegation_WhenExtracting_ThenFindingIsPresentAndStable(string text)
    {
        var finding = Single(text, "Cardiomegaly");
        Assert.Equal(Assertion.Present, finding.Assertion);
        Assert.Equal(TemporalChange.Stable, finding.Temporal);
    }

    [Theory]
    [InlineData("New right lower lobe consolidation.", TemporalChange.New)]
    [InlineData("Stable consolidation.", TemporalChange.Stable)]
    [InlineData("Unchanged consolidation.", TemporalChange.Stable)]
    [InlineData("Increased consolidation.", TemporalChange.Worsening)]
    [InlineData("Worsening consolidation.", TemporalChange.Worsening)]
    [InlineData("Decreased consolidation.", TemporalChange.Improving)]
    [InlineData("Improved consolidation.", TemporalChange.Improving)]
    [InlineData("Consolidation has resolved.", TemporalChange.Resolved)]
    public void GivenTemporalCue_WhenExtracting_ThenChangeIsCaptured(string text, TemporalChange expected)
    {
        Assert.Equal(expected, Single(text, "Consolidation").Temporal);
    }

    [Fact]
    public void GivenResolvedFinding_WhenExtracting_ThenItIsAbsent()
    {
        Assert.Equal(Assertion.Absent, Single("The left effusion has resolved.", "Effusion").Assertion);
    }

    [Fact]
    public void GivenLateralityAndLocation_WhenExtracting_ThenBothAreCaptured()
    {
        var finding = Single("Left lower lobe atelectasis.", "Atelectasis");
        Assert.Equal("left", finding.Laterality);
        Assert.Contains("lower", finding.Locations);

        var bilateral = Single("Bibasilar atelectasis.", "Atelectasis");
        Assert.Equal("bilateral", bilateral.Laterality);
        Assert.Contains("base", bilateral.Locations);
    }

    [Fact]
    public void GivenSectionedReport_WhenExtracting_ThenSpansIndexFullTextAndSectionIsNamed()
    {
        const string text = "INDICATION: Cough.\nFINDINGS: Heart size normal. Right apical pneumothorax.\nIMPRESSION: Small right pneumothorax.";
        var findings = extractor.Extract(text);
        var first = findings.First(f => f.FindingId == "Pneumothorax");
        Assert.Equal("pneumothorax", first.MentionSpan.Slice(text));
        Assert.Equal("Right apical pneumothorax.", first.SentenceSpan.Slice(text));
        Assert.Equal("findings", first.Section);
        Assert.Contains(findings, f => f.FindingId == "Pneumothorax" && f.Section == "impression");
        var heart = findings.Single(f => f.FindingId == "Cardiomegaly");
        Assert.Equal(Assertion.Absent, heart.Assertion);
        Assert.Equal("Heart size normal.", heart.Sentence);
    }

    [Theory]
    [InlineData("The heart is enlarged.", Assertion.Present)]
    [InlineData("The heart is normal in size.", Assertion.Absent)]
    [InlineData("Heart size is at the upper limits of normal.", Assertion.Absent)]
    [InlineData("The heart is not enlarged.", Assertion.Absent)]
    public void GivenHeartAnchor_WhenQualified_ThenCardiomegalyAssertionFollowsQualifier(string text, Assertion expected)
    {
        Assert.Equal(expected, Single(text, "Cardiomegaly").Assertion);
    }

    [Fact]
    public void GivenUnqualifiedAnchor_WhenExtracting_ThenNothingIsReported()
    {
        Assert.Empty(extractor.Extract("The heart and lungs were imaged."));
    }

    [Fact]
    public void GivenExcludedPhrase_WhenExtracting_ThenPericardialEffusionIsNotPleuralEffusion()
    {
        Assert.DoesNotContain(extractor.Extract("Small pericardial effusion."), f => f.FindingId == "Effusion");
    }

    [Fact]
    public void GivenObservationOutsideCatalog_WhenExtractingObservations_ThenItIsReportedButNotByExtract()
    {
        const string text = "Calcified granuloma in the right upper lobe. The lungs are clear.";
        Assert.Empty(extractor.Extract(text));
        var observations = extractor.ExtractObservations(text);
        Assert.Contains(observations, f => f.FindingId == "Granuloma" && f.Assertion == Assertion.Present);
        Assert.Contains(observations, f => f.FindingId == "Lungs" && f.Assertion == Assertion.Absent);
    }

    [Theory]
    [InlineData("Look for blunting of the costophrenic angle that would suggest pleural effusion.")]
    [InlineData("Option B mentions a pleural effusion.")]
    public void GivenHypotheticalMention_WhenExtracting_ThenItIsNotAsserted(string text)
    {
        Assert.DoesNotContain(extractor.Extract(text), f => f.FindingId == "Effusion");
    }

    [Fact]
    public void GivenEmptyText_WhenExtracting_ThenNoFindings()
    {
        Assert.Empty(extractor.Extract(string.Empty));
    }
}
