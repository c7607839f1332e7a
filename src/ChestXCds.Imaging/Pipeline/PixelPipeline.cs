using ChestXCds.Domain;
using ChestXCds.Imaging.Display;

namespace ChestXCds.Imaging.Pipeline;

/// <summary>
/// The torchvision sequence Resize → CenterCrop → ToTensor → Normalize on a greyscale PIL image
/// copied to the requested channels: resize with Pillow's filter on 8-bit values, crop the centre
/// as torchvision does (offsets rounded), then float32 (v * scale - mean[c]) / std[c], CHW.
/// </summary>
public sealed class PixelPipeline : IPixelPipeline
{
    public ImageTensor ToTensor(DisplayImage image, PreprocessingSpec spec)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);

        var resized = (spec.ResizeWidth == image.Width && spec.ResizeHeight == image.Height)
            ? image.Pixels
            : spec.Resize.ToLowerInvariant() switch
            {
                "bilinear" => PillowResampler.Bilinear(image.Pixels, image.Width, image.Height, spec.ResizeWidth, spec.ResizeHeight),
                _ => PillowResampler.Box(image.Pixels, image.Width, image.Height, spec.ResizeWidth, spec.ResizeHeight),
            };

        // torchvision.transforms.functional.center_crop: top = int(round((h - th) / 2.0)).
        var top = (int)Math.Round((spec.ResizeHeight - spec.Height) / 2.0, MidpointRounding.ToEven);
        var left = (int)Math.Round((spec.ResizeWidth - spec.Width) / 2.0, MidpointRounding.ToEven);
        var plane = spec.Width * spec.Height;
        var data = new float[plane * spec.Channels];
        for (var c = 0; c < spec.Channels; c++)
        {
            // float32 arithmetic in torch's order: x = v / 255 (as float), (x - mean) / std.
            var mean = (float)spec.Mean[c];
            var std = (float)spec.Std[c];
            var lookup = new float[256];
            for (var v = 0; v < 256; v++)
            {
                lookup[v] = ((float)(v * spec.Scale) - mean) / std;
            }

            for (var y = 0; y < spec.Height; y++)
            {
                var row = (top + y) * spec.ResizeWidth;
                for (var x = 0; x < spec.Width; x++)
                {
                    data[(c * plane) + (y * spec.Width) + x] = lookup[resized[row + left + x]];
                }
            }
        }

        return new ImageTensor(data, spec.Channels, spec.Height, spec.Width);
    }

    private static void Validate(PreprocessingSpec spec)
    {
        if (spec.Width <= 0 || spec.Height <= 0 || spec.ResizeWidth < spec.Width || spec.ResizeHeight < spec.Height)
        {
            throw new ArgumentException($"Preprocessing sizes are inconsistent: resize {spec.ResizeWidth}x{spec.ResizeHeight}, output {spec.Width}x{spec.Height}.", nameof(spec));
        }

        if (spec.Channels is not (1 or 3))
        {
            throw new ArgumentException($"Preprocessing asks for {spec.Channels} channels; 1 or 3 are supported.", nameof(spec));
        }

        if (spec.Mean.Count != spec.Channels || spec.Std.Count != spec.Channels || spec.Std.Any(s => s == 0 || double.IsNaN(s)))
        {
            throw new ArgumentException($"Preprocessing needs {spec.Channels} mean and {spec.Channels} non-zero std values.", nameof(spec));
        }

        if (spec.Resize.ToLowerInvariant() is not ("bilinear" or "area" or "box"))
        {
            throw new ArgumentException($"Unknown resize filter '{spec.Resize}'; use bilinear or area.", nameof(spec));
        }
    }
}
