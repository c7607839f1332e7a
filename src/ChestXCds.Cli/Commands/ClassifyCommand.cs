using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ChestXCds.Domain;
using ChestXCds.Imaging.Display;
using ChestXCds.Imaging.Errors;
using ChestXCds.Imaging.Pipeline;
using ChestXCds.Inference;
using ChestXCds.Inference.Manifests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChestXCds.Cli.Commands;

/// <summary>
/// `chestx classify &lt;file.dcm&gt; [--model &lt;manifest&gt;] [--models-root &lt;dir&gt;] [--provider Auto|Cuda|Cpu] [--json]`:
/// decodes the DICOM, applies the manifest's preprocessing and runs the model, as the service does
/// (same Imaging reader and pipeline, same AddChestXInference registration).
/// Exit codes: 0 scored, 2 bad input (missing or corrupt file, unknown manifest, model that will not load).
/// </summary>
internal static class ClassifyCommand
{
    public const int Scored = 0;
    public const int BadInput = 2;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A DICOM chest radiograph (.dcm)." };
        var model = new Option<string>("--model") { Description = "Model manifest: a name under models/ or a path to a .json manifest.", DefaultValueFactory = _ => "nih-multilabel" };
        var modelsRoot = new Option<string?>("--models-root") { Description = "Where the manifest's weights are resolved (default: CHESTX_MODELS, else CHESTX_SHARED/models, else ../shared/models beside the repository)." };
        var provider = new Option<ExecutionProvider>("--provider") { Description = "ONNX Runtime execution provider.", DefaultValueFactory = _ => ExecutionProvider.Auto };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var command = new Command("classify", "Score one DICOM chest radiograph with a model manifest and print the probability per finding.");
        command.Arguments.Add(file);
        command.Options.Add(model);
        command.Options.Add(modelsRoot);
        command.Options.Add(provider);
        command.Options.Add(json);
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetValue(file)!,
            parseResult.GetValue(model)!,
            parseResult.GetValue(modelsRoot),
            parseResult.GetValue(provider),
            parseResult.GetValue(json),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(
        string path, string manifest, string? modelsRoot, ExecutionProvider provider, bool json, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Paths typed on the command line are the user's, relative to where they typed them (the service's defaults are the repository's).
            ["Inference:Manifest"] = ModelPaths.IsPath(manifest) ? Path.GetFullPath(manifest) : manifest,
            ["Inference:ModelsRoot"] = modelsRoot is null ? null : Path.GetFullPath(modelsRoot),
            ["Inference:ExecutionProvider"] = provider.ToString(),
            ["Inference:MaxBatchSize"] = "1",
            ["Inference:BatchWaitMilliseconds"] = "0",
        }).Build();
        var services = new ServiceCollection();
        services.AddChestXInference(configuration);
        await using var serviceProvider = services.BuildServiceProvider();
        try
        {
            var classifier = serviceProvider.GetRequiredService<IFindingClassifier>();
            var image = new DicomImageReader().Read(path);
            var tensor = new PixelPipeline().ToTensor(image.Image, classifier.Preprocessing);
            var scores = await classifier.ClassifyAsync(tensor, cancellationToken);
            if (json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(ToJson(path, classifier.Model, scores), JsonOptions));
            }
            else
            {
                await WriteTableAsync(output, path, classifier.Model, scores);
            }

            return Scored;
        }
        catch (Exception e) when (e is ModelLoadException or ImagingException or FileNotFoundException or OptionsValidationException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync("error: " + e.Message);
            return BadInput;
        }
    }

    private static object ToJson(string path, ModelDescriptor model, IReadOnlyList<FindingScore> scores) => new
    {
        file = Path.GetFileName(path),
        model = new { model.Name, model.Version, model.Provider, model.Sha256 },
        scores = scores.Select(s => new
        {
            s.FindingId,
            display = FindingCatalog.Get(s.FindingId).Display,
            s.Probability,
            s.Threshold,
            positive = s.IsPositive,
        }),
    };

    private static async Task WriteTableAsync(TextWriter output, string path, ModelDescriptor model, IReadOnlyList<FindingScore> scores)
    {
        await output.WriteLineAsync($"{Path.GetFileName(path)}: {model.Name} {model.Version} on {model.Provider}");
        foreach (var s in scores)
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"  {FindingCatalog.Get(s.FindingId).Display,-28} {s.Probability,8:F4}  threshold {s.Threshold:F4}  {(s.IsPositive ? "POSITIVE" : "negative")}");
            await output.WriteLineAsync(line);
        }

        await output.WriteLineAsync("  " + model.ModelCardSummary);
    }
}
