using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

// Writes every resource of the R4 specification Bundles shipped in Hl7.Fhir.Specification.Data.R4's
// specification.zip as JSON into <cache>/hl7.fhir.r4.core#4.0.1/package/, beside a package.json, which
// is the FHIR NPM package layout SUSHI reads from its package cache (~/.fhir/packages by default).
// Usage: FhirPackageCache [cacheDir]   (default: $HOME/.fhir/packages)
const string PackageFolder = "hl7.fhir.r4.core#4.0.1";

var cacheDir = args.Length > 0
    ? args[0]
    : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fhir", "packages");
var zipPath = Path.Combine(AppContext.BaseDirectory, "specification.zip");
if (!File.Exists(zipPath))
{
    Console.Error.WriteLine($"specification.zip not found next to the tool ({zipPath}); restore Hl7.Fhir.Specification.Data.R4.");
    return 2;
}

var packageDir = Path.Combine(cacheDir, PackageFolder, "package");
var marker = Path.Combine(packageDir, ".complete");
if (File.Exists(marker))
{
    Console.WriteLine($"FHIR package cache already built: {packageDir}");
    return 0;
}

Directory.CreateDirectory(packageDir);

// Recoverable mode: a few definitions in the zip carry stray whitespace in primitive values, which
// strict parsing rejects although the content is usable.
var xml = new FhirXmlDeserializer(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));
var json = new FhirJsonSerializer();
var written = 0;
var index = new JsonArray();

using (var zip = ZipFile.OpenRead(zipPath))
{
    foreach (var zipEntry in zip.Entries.Where(e => e.Name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)))
    {
        using var stream = zipEntry.Open();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        if (!xml.TryDeserializeResource(reader, out var resource, out _) || resource is not Bundle bundle)
        {
            continue;
        }

        foreach (var resourceInBundle in bundle.Entry.Select(e => e.Resource).Where(r => r?.Id is not null))
        {
            var fileName = $"{resourceInBundle!.TypeName}-{resourceInBundle.Id}.json";
            File.WriteAllText(Path.Combine(packageDir, fileName), json.SerializeToString(resourceInBundle));
            index.Add(IndexEntry(fileName, resourceInBundle));
            written++;
        }
    }
}

var packageJson = new JsonObject
{
    ["name"] = "hl7.fhir.r4.core",
    ["version"] = "4.0.1",
    ["fhirVersions"] = new JsonArray("4.0.1"),
    ["type"] = "Core",
    ["canonical"] = "http://hl7.org/fhir",
    ["description"] = "FHIR R4 core definitions, rebuilt offline from Hl7.Fhir.Specification.Data.R4.",
};
var indented = new JsonSerializerOptions { WriteIndented = true };
File.WriteAllText(Path.Combine(packageDir, "package.json"), packageJson.ToJsonString(indented));
File.WriteAllText(
    Path.Combine(packageDir, ".index.json"),
    new JsonObject { ["index-version"] = 1, ["files"] = index }.ToJsonString(indented));
File.WriteAllText(marker, written.ToString(System.Globalization.CultureInfo.InvariantCulture));
Console.WriteLine($"Wrote {written} resources to {packageDir}");
return written > 0 ? 0 : 1;

static JsonObject IndexEntry(string fileName, Resource resource)
{
    var entry = new JsonObject { ["filename"] = fileName, ["resourceType"] = resource.TypeName, ["id"] = resource.Id };
    if (resource is IVersionableConformanceResource conformance)
    {
        entry["url"] = conformance.Url;
        entry["version"] = conformance.Version;
    }

    if (resource is StructureDefinition sd)
    {
        entry["kind"] = sd.Kind?.ToString().ToLowerInvariant();
        entry["type"] = sd.Type;
    }

    return entry;
}
