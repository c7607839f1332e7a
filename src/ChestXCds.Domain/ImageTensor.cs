namespace ChestXCds.Domain;

/// <summary>One image as a float32 CHW tensor (batch dimension added by the inference backend).</summary>
public sealed class ImageTensor
{
    public ImageTensor(float[] data, int channels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != channels * height * width)
        {
            throw new ArgumentException($"Tensor data has {data.Length} values; {channels}x{height}x{width} needs {channels * height * width}.", nameof(data));
        }

        Data = data;
        Channels = channels;
        Height = height;
        Width = width;
    }

    public float[] Data { get; }

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }
}
