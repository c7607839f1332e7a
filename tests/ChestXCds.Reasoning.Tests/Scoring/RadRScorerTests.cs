using ChestXCds.Reasoning.Extraction;
using ChestXCds.Reasoning.Scoring;

namespace ChestXCds.Reasoning.Tests.Scoring;

// REQ-RSN-06: deterministic RadRScore (completeness, factuality, effectiveness, mean) on hand-computed cases.
public sealed class RadRScorerTests
{
    private readonly RadRScorer scorer = new(new ReportFindingExtractor());

    [Fact]
    public void GivenHandMadeSample_WhenScored_ThenComponentsMatchHandComputation()
    {
        // Reference key findings: {Effusion present, Pneumothorax absent, Cardiomegaly present, Edema absent} = 4.
        string[] reference = ["There is a left pleural effusion.", "No pneumothorax.", "The heart is enlarged.", "No pulmonary edema."];
        const string report = "FINDINGS: Left pleural effusion. No pneumothorax. Cardiomegaly. No edema.";

        // Predicted steps (4): effusion present (recalls, consistent); pneumothorax present (not recalled,
        // inconsistent); a step with no finding (not counted for effectiveness); nodule absent (not in the
        // report: counts as normal, consistent).
        const string pred = "<think>There is a pleural effusion.\nThere is a pneumothorax.\nThe image is of good quality.\nNo nodule.</think><answer>B</answer>";
        var score = scorer.Score(new RadRSample(pred, reference, report, "x"), 3);

        Assert.Equal(3, score.Index);
        Assert.Equal("x", score.ItemId);
        Assert.Equal(1.0 / 4, score.Completeness);       // effusion recalled of 4
        Assert.Equal(2.0 / 3, score.Factuality);         // effusion, nodule-absent consistent; pneumothorax not
        Assert.Equal(1.0 / 3, score.Effectiveness);      // 3 think steps state a finding, 1 shares a reference finding
        Assert.Equal((0.25 + (2.0 / 3) + (1.0 / 3)) / 3, score.RadRScore!.Value, 10);
    }

    [Fact]
    public void GivenChatTranscriptEchoingThePrompt_WhenScored_ThenTheModelsThinkBlockIsUsed()
    {
        const string pred = "user\nIs there an effusion? Enclose the reasoning within <think></think> and the answer within <answer></answer>.\nassistant\n<think>There is a pleural effusion.</think><answer>Yes</answer>";
        var score = scorer.Score(new RadRSample(pred, ["There is a pleural effusion."], "Pleural effusion."), 0);
        Assert.Equal(1.0, score.Completeness);
        Assert.Equal(1.0, score.Effectiveness);
    }

    [Fact]
    public void GivenFindingsTheReportDoesNotMention_WhenScoringFactuality_ThenOnlyClaimingThemPresentIsWrong()
    {
        // Report silent on nodule and mass: "no nodule" and "possible mass" are consistent, "pneumothorax" present is not.
        var score = scorer.Score(new RadRSample("No nodule.\nPossible mass.\nThere is a pneumothorax.", ["No effusion."], "No effusion."), 0);
        Assert.Equal(2.0 / 3, score.Factuality);
    }

    [Fact]
    public void GivenPredictionEqualToReference_WhenScored_ThenAllOnes()
    {
        string[] reference = ["Small right pleural effusion.", "No pneumothorax."];
        var score = scorer.Score(new RadRSample(string.Join("\n", reference), reference, "Small right pleural effusion. No pneumothorax."), 0);
        Assert.Equal(1.0, score.Completeness);
        Assert.Equal(1.0, score.Factuality);
        Assert.Equal(1.0, score.Effectiveness);
        Assert.Equal(1.0, score.RadRScore);
    }

    [Fact]
    public void GivenEmptyPrediction_WhenScored_ThenEveryComponentIsNullAndMeanSkipsIt()
    {
        var empty = new RadRSample(string.Empty, ["No effusion."], "No effusion.");
        var full = new RadRSample("No effusion.", ["No effusion."], "No effusion.");
        var summary = scorer.ScoreAll([empty, full]);
        Assert.Null(summary.Samples[0].RadRScore);
        Assert.Equal(1.0, summary.RadRScore);
        Assert.Equal([0, 1], summary.Samples.Select(s => s.Index));
    }
}
