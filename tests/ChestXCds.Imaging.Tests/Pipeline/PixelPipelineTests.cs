using ChestXCds.Domain;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Pipeline;

namespace ChestXCds.Imaging.Tests.Pipeline;

public sealed class PixelPipelineTests
{
    private static DisplayImage Ramp(int width, int height) =>
        new(width, height, Enumerable.Range(0, width * height).Select(i => (byte)((i % width) * 255 / Math.Max(width - 1, 1))).ToArray());

    // REQ-IMG-07: constant images stay constant through the fixed-point resample.
    [Theory]
    [InlineData("bilinear")]
    [InlineData("area")]
    public void GivenConstantImage_WhenResized_ThenEveryValueIsUnchanged(string filter)
    {
        var image = new DisplayImage(101, 77, Enumerable.Repeat((byte)173, 101 * 77).ToArray());
        var spec = new PreprocessingSpec(10, 10, 10, 10, filter, 1, 1.0, [0], [1]);

        var tensor = new PixelPipeline().ToTensor(image, spec);

        Assert.All(tensor.Data, v => Assert.Equal(173f, v));
    }

    [Fact]
    public void GivenTwoToOneAreaShrink_WhenResized_ThenEachOutputIsTheMeanOfItsBlock()
    {
        var image = new DisplayImage(4, 2, [0, 100, 10, 20, 50, 150, 30, 40]);
        var spec = new PreprocessingSpec(2, 1, 2, 1, "area", 1, 1.0, [0], [1]);

        var tensor = new PixelPipeline().ToTensor(image, spec);

        // (0+100+50+150)/4 = 75, (10+20+30+40)/4 = 25.
        Assert.Equal(new[] { 75f, 25f }, tensor.Data);
    }

    [Fact]
    public void GivenResizeThenCentreCrop_WhenRun_ThenCropIsTakenFromTheCentre()
    {
        var image = Ramp(256, 256);
        var full = new PixelPipeline().ToTensor(image, new PreprocessingSpec(256, 256, 256, 256, "bilinear", 1, 1.0, [0], [1]));

        var cropped = new PixelPipeline().ToTensor(image, new PreprocessingSpec(224, 224, 256, 256, "bilinear", 1, 1.0, [0], [1]));

        Assert.Equal(224 * 224, cropped.Data.Length);
        Assert.Equal(full.Data[(16 * 256) + 16], cropped.Data[0]);
        Assert.Equal(full.Data[(239 * 256) + 239], cropped.Data[^1]);
    }

    [Fact]
    public void GivenThreeChannelsWithMeanAndStd_WhenRun_ThenEachChannelIsNormalisedInFloat32()
    {
        var image = new DisplayImage(1, 1, [128]);
        var spec = new PreprocessingSpec(1, 1, 1, 1, "bilinear", 3, 1.0 / 255, [0.485, 0.456, 0.406], [0.229, 0.224, 0.225]);

        var tensor = new PixelPipeline().ToTensor(image, spec);

        Assert.Equal(3, tensor.Channels);
        Assert.Equal(((128f / 255f) - 0.485f) / 0.229f, tensor.Data[0]);
        Assert.Equal(((128f / 255f) - 0.456f) / 0.224f, tensor.Data[1]);
        Assert.Equal(((128f / 255f) - 0.406f) / 0.225f, tensor.Data[2]);
    }

    [Fact]
    public void GivenUpscale_WhenResized_ThenBilinearInterpolatesBetweenNeighbours()
    {
        var image = new DisplayImage(2, 1, [0, 200]);
        var spec = new PreprocessingSpec(4, 1, 4, 1, "bilinear", 1, 1.0, [0], [1]);

        var tensor = new PixelPipeline().ToTensor(image, spec);

        // Pillow: centres at 0.25, 0.75, 1.25, 1.75 input pixels → 0, 50, 150, 200.
        Assert.Equal(new[] { 0f, 50f, 150f, 200f }, tensor.Data);
    }

    [Theory]
    [InlineData(224, 224, 200, 200, "bilinear", 3, 3)]
    [InlineData(224, 224, 224, 224, "bicubic", 3, 3)]
    [InlineData(224, 224, 224, 224, "bilinear", 2, 2)]
    [InlineData(224, 224, 224, 224, "bilinear", 3, 1)]
    public void GivenInconsistentSpec_WhenRun_ThenArgumentExceptionExplains(int width, int height, int resizeWidth, int resizeHeight, string filter, int channels, int meanCount)
    {
        var spec = new PreprocessingSpec(width, height, resizeWidth, resizeHeight, filter, channels, 1.0 / 255, Enumerable.Repeat(0.5, meanCount).ToList(), Enumerable.Repeat(0.5, meanCount).ToList());

        Assert.Throws<ArgumentException>(() => new PixelPipeline().ToTensor(Ramp(8, 8), spec));
    }
}
