namespace ChestXCds.Imaging.Pipeline;

/// <summary>
/// A faithful port of Pillow's ImagingResample (libImaging/Resample.c) for 8-bit greyscale, which
/// is what torchvision's Resize does to a PIL image: separable, horizontal pass first, the filter
/// support widened by the downscale factor (anti-aliasing), coefficients normalised to sum 1 and
/// then quantised to 22-bit fixed point, each pass rounded and clipped to uint8.
/// </summary>
public static class PillowResampler
{
    // Resample.c: PRECISION_BITS = 32 - 8 - 2.
    private const int PrecisionBits = 22;

    /// <summary>Pillow's BILINEAR: a triangle filter with support 1.</summary>
    public static byte[] Bilinear(ReadOnlySpan<byte> source, int width, int height, int outWidth, int outHeight) =>
        Resample(source, width, height, outWidth, outHeight, Triangle, 1.0);

    /// <summary>Pillow's BOX: area averaging when shrinking, support 0.5.</summary>
    public static byte[] Box(ReadOnlySpan<byte> source, int width, int height, int outWidth, int outHeight) =>
        Resample(source, width, height, outWidth, outHeight, BoxFilter, 0.5);

    private static double Triangle(double x)
    {
        x = Math.Abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }

    private static double BoxFilter(double x) => x > -0.5 && x <= 0.5 ? 1.0 : 0.0;

    private static byte[] Resample(ReadOnlySpan<byte> source, int width, int height, int outWidth, int outHeight, Func<double, double> filter, double support)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outHeight);
        if (source.Length != width * height)
        {
            throw new ArgumentException($"{width}x{height} needs {width * height} pixels, got {source.Length}.", nameof(source));
        }

        var horizontal = Coefficients.Compute(width, outWidth, filter, support);
        var vertical = Coefficients.Compute(height, outHeight, filter, support);

        // ImagingResampleInner: the horizontal pass covers only the rows the vertical pass reads.
        var firstRow = vertical.Bounds[0];
        var lastRow = vertical.Bounds[(outHeight - 1) * 2] + vertical.Bounds[((outHeight - 1) * 2) + 1];
        byte[] afterHorizontal;
        int rows;
        if (outWidth != width)
        {
            rows = lastRow - firstRow;
            afterHorizontal = new byte[outWidth * rows];
            for (var y = 0; y < rows; y++)
            {
                var inRow = source.Slice((y + firstRow) * width, width);
                for (var x = 0; x < outWidth; x++)
                {
                    var min = horizontal.Bounds[x * 2];
                    var count = horizontal.Bounds[(x * 2) + 1];
                    var k = horizontal.Fixed.AsSpan(x * horizontal.Size, count);
                    var sum = 1 << (PrecisionBits - 1);
                    for (var i = 0; i < count; i++)
                    {
                        sum += inRow[min + i] * k[i];
                    }

                    afterHorizontal[(y * outWidth) + x] = Clip8(sum);
                }
            }
        }
        else
        {
            rows = height;
            firstRow = 0;
            afterHorizontal = source.ToArray();
        }

        if (outHeight == height)
        {
            return afterHorizontal;
        }

        var output = new byte[outWidth * outHeight];
        for (var y = 0; y < outHeight; y++)
        {
            var min = vertical.Bounds[y * 2] - firstRow;
            var count = vertical.Bounds[(y * 2) + 1];
            var k = vertical.Fixed.AsSpan(y * vertical.Size, count);
            for (var x = 0; x < outWidth; x++)
            {
                var sum = 1 << (PrecisionBits - 1);
                for (var i = 0; i < count; i++)
                {
                    sum += afterHorizontal[((min + i) * outWidth) + x] * k[i];
                }

                output[(y * outWidth) + x] = Clip8(sum);
            }
        }

        return output;
    }

    private static byte Clip8(int value)
    {
        if (value >= 1 << PrecisionBits << 8)
        {
            return 255;
        }

        return value <= 0 ? (byte)0 : (byte)(value >> PrecisionBits);
    }

    /// <summary>precompute_coeffs and normalize_coeffs_8bpc from Resample.c.</summary>
    private sealed class Coefficients
    {
        private Coefficients(int size, int[] bounds, int[] fixedPoint)
        {
            Size = size;
            Bounds = bounds;
            Fixed = fixedPoint;
        }

        public int Size { get; }

        /// <summary>Per output pixel: first input index, number of inputs.</summary>
        public int[] Bounds { get; }

        public int[] Fixed { get; }

        public static Coefficients Compute(int inSize, int outSize, Func<double, double> filter, double filterSupport)
        {
            var scale = (double)inSize / outSize;
            var filterScale = Math.Max(scale, 1.0);
            var support = filterSupport * filterScale;
            var size = ((int)Math.Ceiling(support) * 2) + 1;
            var bounds = new int[outSize * 2];
            var weights = new double[outSize * size];
            for (var xx = 0; xx < outSize; xx++)
            {
                var center = (xx + 0.5) * scale;
                var ss = 1.0 / filterScale;

                // C casts truncate toward zero; the clamps make that the same as floor here.
                var xmin = Math.Max((int)(center - support + 0.5), 0);
                var xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
                var total = 0.0;
                for (var x = 0; x < xmax; x++)
                {
                    var w = filter((x + xmin - center + 0.5) * ss);
                    weights[(xx * size) + x] = w;
                    total += w;
                }

                for (var x = 0; x < xmax; x++)
                {
                    if (total != 0.0)
                    {
                        weights[(xx * size) + x] /= total;
                    }
                }

                bounds[xx * 2] = xmin;
                bounds[(xx * 2) + 1] = xmax;
            }

            var fixedPoint = new int[weights.Length];
            for (var i = 0; i < weights.Length; i++)
            {
                fixedPoint[i] = weights[i] < 0
                    ? (int)(-0.5 + (weights[i] * (1 << PrecisionBits)))
                    : (int)(0.5 + (weights[i] * (1 << PrecisionBits)));
            }

            return new Coefficients(size, bounds, fixedPoint);
        }
    }
}
