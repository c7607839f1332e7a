namespace ChestXCds.Inference.Manifests;

/// <summary>The manifest's preprocessing block; mirrors <see cref="Domain.PreprocessingSpec"/>.</summary>
public sealed record ManifestPreprocessing(
    int Width,
    int Height,
    int ResizeWidth,
    int ResizeHeight,
    string Resize,
    int Channels,
    double Scale,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Std);
