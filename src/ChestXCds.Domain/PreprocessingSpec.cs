namespace ChestXCds.Domain;

/// <summary>
/// How to turn a display-ready greyscale image into a model tensor. Declared by a model manifest,
/// applied by the Imaging pixel pipeline.
/// </summary>
/// <param name="Width">Output width in pixels after resize and crop.</param>
/// <param name="Height">Output height in pixels after resize and crop.</param>
/// <param name="ResizeWidth">Resize target width before an optional centre crop (equals Width when no crop).</param>
/// <param name="ResizeHeight">Resize target height before an optional centre crop.</param>
/// <param name="Resize">Resize filter: "bilinear" (Pillow's anti-aliased bilinear) or "area".</param>
/// <param name="Channels">Channels in the tensor (grey replicated), 1 or 3.</param>
/// <param name="Scale">Multiplier applied to 8-bit values before normalisation, e.g. 1/255.</param>
/// <param name="Mean">Per-channel mean subtracted after scaling.</param>
/// <param name="Std">Per-channel standard deviation divided after subtracting the mean.</param>
public sealed record PreprocessingSpec(
    int Width,
    int Height,
    int ResizeWidth,
    int ResizeHeight,
    string Resize,
    int Channels,
    double Scale,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Std);
