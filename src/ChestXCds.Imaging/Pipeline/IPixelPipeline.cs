using ChestXCds.Domain;
using ChestXCds.Imaging.Display;

namespace ChestXCds.Imaging.Pipeline;

/// <summary>From a display-ready image to the tensor a model manifest asks for.</summary>
public interface IPixelPipeline
{
    /// <exception cref="ArgumentException">The spec is inconsistent (sizes, channels, mean/std counts, filter name).</exception>
    ImageTensor ToTensor(DisplayImage image, PreprocessingSpec spec);
}
