using System.Text.Json;
using ChestXCds.Domain;
using ChestXCds.Testing;

namespace ChestXCds.Inference.Tests;

/// <summary>A shared model's verify/ folder: four preprocessed inputs and the PyTorch reference outputs.</summary>
internal sealed class VerifySet
{
    public const int SampleLength = 3 * 224 * 224;

    private VerifySet(string model, float[] inputs, float[][] logits, float[][] probabilities)
    {
        Model = model;
        Inputs = inputs;
        Logits = logits;
        Probabilities = probabilities;
    }

    public string Model { get; }

    /// <summary>All four inputs back to back, NCHW.</summary>
    public float[] Inputs { get; }

    public float[][] Logits { get; }

    /// <summary>Softmax (squeezenet-pneumonia) or sigmoid (nih-multilabel) of the logits, from PyTorch.</summary>
    public float[][] Probabilities { get; }

    public int Count => Logits.Length;

    public static string ModelsRoot => TestPaths.SharedFile("models");

    public static VerifySet Load(string model)
    {
        var dir = TestPaths.SharedFile("models", model, "verify");
        var bytes = File.ReadAllBytes(Path.Combine(dir, "inputs_4x3x224x224.f32"));
        var inputs = new float[bytes.Length / sizeof(float)];
        Buffer.BlockCopy(bytes, 0, inputs, 0, bytes.Length);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "torch_reference.json")));
        var root = doc.RootElement;

        // The two reference files name their arrays differently.
        var logits = Rows(root.TryGetProperty("torch_logits", out var l) ? l : root.GetProperty("logits"));
        var probabilities = Rows(root.TryGetProperty("torch_softmax", out var p) ? p : root.GetProperty("probabilities"));
        return new VerifySet(model, inputs, logits, probabilities);
    }

    public float[] Sample(int index) => Inputs.AsSpan(index * SampleLength, SampleLength).ToArray();

    public ImageTensor Tensor(int index) => new(Sample(index), 3, 224, 224);

    private static float[][] Rows(JsonElement array) =>
        [.. array.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray())];
}
