using System.Text;
using ChestXCds.Domain;
using ChestXCds.Fhir.Profiles;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>The model as an AIDevice-shaped Device and its model card as an AIModelCard-shaped DocumentReference.</summary>
internal static class AiDeviceFactory
{
    /// <summary>Identifier systems for the model; they name, they do not resolve.</summary>
    internal const string ModelIdentifierSystem = ChestXProfiles.Canonical + "/sid/model";

    internal const string WeightsSha256System = ChestXProfiles.Canonical + "/sid/model-sha256";

    public static Device Device(ModelDescriptor model, MappingScope scope, string manufacturer)
    {
        var device = new Device
        {
            Id = scope.DeviceId,
            Meta = MappingCodes.Meta(ChestXProfiles.AIDevice),
            Status = Hl7.Fhir.Model.Device.FHIRDeviceStatus.Active,
            Type = new CodeableConcept(ChestXTerminology.AIDeviceType, "Artificial-Intelligence", "All kinds of Artificial Intelligence"),
            Manufacturer = manufacturer,
            DeviceName =
            [
                new Device.DeviceNameComponent { Name = model.Name, Type = DeviceNameType.ModelName },
            ],
            Version = [new Device.VersionComponent { Value = model.Version }],
            Identifier = [new Identifier(ModelIdentifierSystem, $"{model.Name}|{model.Version}")],
        };
        if (!string.IsNullOrWhiteSpace(model.Sha256))
        {
            device.Identifier.Add(new Identifier(WeightsSha256System, model.Sha256.Trim().ToLowerInvariant()));
        }

        device.Extension.Add(new Extension(ChestXProfiles.ModelCardExtension, scope.ModelCard()));
        if (!string.IsNullOrWhiteSpace(model.Provider))
        {
            device.Extension.Add(new Extension(ChestXProfiles.ExecutionProviderExtension, new FhirString(model.Provider.Trim())));
        }

        return device;
    }

    public static DocumentReference ModelCard(ModelDescriptor model, MappingScope scope)
    {
        var summary = string.IsNullOrWhiteSpace(model.ModelCardSummary)
            ? $"Model {model.Name} version {model.Version}; no model card summary was supplied."
            : model.ModelCardSummary.Trim();
        var markdown = new StringBuilder()
            .Append("# Model card: ").Append(model.Name).Append(' ').AppendLine(model.Version)
            .AppendLine()
            .AppendLine(summary)
            .AppendLine()
            .Append("- Execution provider: ").AppendLine(string.IsNullOrWhiteSpace(model.Provider) ? "unknown" : model.Provider)
            .Append("- Weights SHA-256: ").AppendLine(string.IsNullOrWhiteSpace(model.Sha256) ? "not recorded" : model.Sha256)
            .ToString();
        return new DocumentReference
        {
            Id = scope.ModelCardId,
            Meta = MappingCodes.Meta(ChestXProfiles.ModelCardDocument),
            Status = DocumentReferenceStatus.Current,
            Type = new CodeableConcept(ChestXTerminology.AIInputs, "AIModelCard", "AI Model-Card"),
            Category = [new CodeableConcept(ChestXTerminology.AIInputs, "AIModelCardMarkdownFormat", "Markdown Format")],
            Description = summary,
            Date = scope.Issued,
            Content =
            [
                new DocumentReference.ContentComponent
                {
                    Attachment = new Attachment
                    {
                        ContentType = "text/markdown",
                        Data = Encoding.UTF8.GetBytes(markdown),
                        Title = $"Model card: {model.Name} {model.Version}",
                    },
                },
            ],
        };
    }
}
