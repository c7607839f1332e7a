using ChestXCds.Cli.Demo;
using ChestXCds.Testing;
using ChestXCds.Testing.Dicom;

namespace ChestXCds.Analysis.Tests.Support;

/// <summary>
/// One real Orthanc with its DICOMweb plugin (REQ-IMG-09) for the Analysis tests, holding radiographs whose DICOM
/// headers say chest or not in the ways feeds do: Body Part Examined CHEST, KNEE, or absent with a chest or a
/// non-chest Study Description.
/// </summary>
public sealed class PacsFixture : IAsyncLifetime
{
    /// <summary>NIH 00000001_000 (../shared/data/dicom/derived): DX, Body Part Examined CHEST.</summary>
    public const string ChestStudy = "1.2.826.0.1.3680043.8.498.30286215293511873657125818378362377870";

    /// <summary>NIH GCP 00000002_000 (../shared/data/dicom): DX, no Body Part Examined, Study Description "No Finding".</summary>
    public const string SilentStudy = "1.3.6.1.4.1.11129.5.5.112507010803284478207522016832191866964708";

    /// <summary>Synthetic: DX AP, Body Part Examined KNEE.</summary>
    public const string KneeStudy = "1.2.826.0.1.3680043.10.20.1";

    /// <summary>Synthetic: DX PA, no Body Part Examined, Study Description "XR CHEST PA".</summary>
    public const string DescribedChestStudy = "1.2.826.0.1.3680043.10.21.1";

    private readonly SyntheticUploads _synthetic = new();

    public OrthancServer Server { get; private set; } = null!;

    public string DicomWebBase => Server.DicomWebBaseAddress.AbsoluteUri;

    public async Task InitializeAsync()
    {
        Server = await OrthancServer.StartAsync();
        await Server.UploadAsync([
            TestPaths.SharedFile("data", "dicom", "derived", "nih_00000001_000_cardiomegaly_explicitLE.dcm"),
            TestPaths.SharedFile("data", "dicom", "nih_gcp_1.3.6.1.4.1.11129.5.5.110503645592756492463169821050252582267888.dcm"),
        ]);
        var synthetic = new[]
        {
            new SyntheticImage { StudyUid = KneeStudy, SeriesUid = KneeStudy + ".1", SopUid = KneeStudy + ".1.1", BodyPart = "KNEE", ViewPosition = "AP" },
            new SyntheticImage { StudyUid = DescribedChestStudy, SeriesUid = DescribedChestStudy + ".1", SopUid = DescribedChestStudy + ".1.1", BodyPart = null, StudyDescription = "XR CHEST PA" },
        };
        await _synthetic.UploadAsync(synthetic, path => Server.UploadAsync(path));
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _synthetic.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class PacsCollection : ICollectionFixture<PacsFixture>
{
    public const string Name = "Pacs";
}
