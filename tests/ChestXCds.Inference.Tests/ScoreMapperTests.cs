namespace ChestXCds.Inference.Tests;

public class ScoreMapperTests
{
    [Fact]
    public void GivenHugeLogits_WhenSoftmaxed_ThenProbabilitiesAreFiniteAndSumToOne()
    {
        var p = ScoreMapper.Softmax([1000f, 999f, -1000f]);

        Assert.All(p, v => Assert.True(double.IsFinite(v)));
        Assert.Equal(1.0, p.Sum(), 12);
        Assert.Equal(1 / (1 + Math.Exp(-1)), p[0], 12);
    }

    [Fact]
    public void GivenLogits_WhenSigmoided_ThenEachIsIndependent() =>
        Assert.Equal([0.5, 1 / (1 + Math.Exp(-2))], ScoreMapper.Sigmoid([0f, 2f]));

    [Fact]
    public void GivenTooFewLogits_WhenMapped_ThenTheMismatchIsNamed()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ScoreMapper.Map(TestManifests.Load("nih-multilabel"), [0f, 1f]));

        Assert.Contains("2 outputs for 4 labels", ex.Message, StringComparison.Ordinal);
    }
}
