using ChestXCds.Imaging.Decoding;

namespace ChestXCds.Imaging.Display;

/// <summary>
/// Stored values to display values, PS3.3 C.11: modality LUT (Rescale Slope/Intercept), then VOI
/// (the first VOI LUT, else the first window, else the full range of Bits Stored), then 8 bits,
/// then MONOCHROME1 inverted so that 0 is black.
/// </summary>
public static class DisplayRenderer
{
    public static DisplayImage Render(DecodedDicom decoded)
    {
        ArgumentNullException.ThrowIfNull(decoded);
        var a = decoded.Attributes;
        var invert = string.Equals(a.PhotometricInterpretation, "MONOCHROME1", StringComparison.OrdinalIgnoreCase);
        var (storedMin, storedMax) = StoredRange(a);
        Func<double, double> voi = Voi(decoded, storedMin, storedMax);

        byte ToDisplay(int stored)
        {
            var modality = (stored * a.RescaleSlope) + a.RescaleIntercept;
            var y = Math.Clamp(Math.Round(voi(modality), MidpointRounding.AwayFromZero), 0, 255);
            return (byte)(invert ? 255 - y : y);
        }

        var pixels = new byte[decoded.StoredValues.Length];
        if (a.BitsStored <= 16)
        {
            // At most 65536 stored values: map each once, then look every pixel up.
            var lut = new byte[storedMax - storedMin + 1];
            for (var v = storedMin; v <= storedMax; v++)
            {
                lut[v - storedMin] = ToDisplay(v);
            }

            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = lut[Math.Clamp(decoded.StoredValues[i], storedMin, storedMax) - storedMin];
            }
        }
        else
        {
            for (var i = 0; i < pixels.Length; i++)
            {
                pixels[i] = ToDisplay(decoded.StoredValues[i]);
            }
        }

        return new DisplayImage(a.Width, a.Height, pixels);
    }

    private static (int Min, int Max) StoredRange(DicomImageAttributes a)
    {
        var bits = Math.Min(a.BitsStored, 31);
        return a.IsSigned ? (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) : (0, (int)((1L << bits) - 1));
    }

    private static Func<double, double> Voi(DecodedDicom decoded, int storedMin, int storedMax)
    {
        if (decoded.Lut is { } lut)
        {
            var scale = 255.0 / lut.OutputMaximum;
            return x => lut.Apply(x) * scale;
        }

        if (decoded.Windows.Count > 0)
        {
            var w = decoded.Windows[0];
            return w.Function switch
            {
                "SIGMOID" => x => 255.0 / (1 + Math.Exp(-4 * (x - w.Center) / w.Width)),
                "LINEAR_EXACT" => x => Linear(x, w.Center - (w.Width / 2), w.Width),
                _ => x => LinearWindow(x, w.Center, w.Width),
            };
        }

        // No VOI: the full range of the modality values that Bits Stored can hold.
        var a = decoded.Attributes;
        var low = (storedMin * a.RescaleSlope) + a.RescaleIntercept;
        var high = (storedMax * a.RescaleSlope) + a.RescaleIntercept;
        if (low > high)
        {
            (low, high) = (high, low);
        }

        return x => Linear(x, low, high - low);
    }

    // PS3.3 C.11.2.1.2.1 (LINEAR): c - 0.5 and w - 1 keep integer windows exact.
    private static double LinearWindow(double x, double center, double width)
    {
        var w1 = Math.Max(width - 1, 1e-9);
        if (x <= center - 0.5 - (w1 / 2))
        {
            return 0;
        }

        if (x > center - 0.5 + (w1 / 2))
        {
            return 255;
        }

        return (((x - (center - 0.5)) / w1) + 0.5) * 255;
    }

    private static double Linear(double x, double low, double width) =>
        width <= 0 ? (x >= low ? 255 : 0) : Math.Clamp((x - low) / width, 0, 1) * 255;
}
