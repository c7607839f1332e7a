using ChestXCds.Cli.Demo;
using ChestXCds.Testing.Dicom;

namespace ChestXCds.Imaging.Tests.Support;

/// <summary>
/// REQ-IMG-09: one real Orthanc (with DICOMweb) started by <see cref="OrthancServer"/> for the integration tests, loaded with the shared chest
/// radiographs plus synthetic studies: several views of one study, a non-chest study, and a
/// structurally valid instance whose JPEG data is garbage.
/// </summary>
public sealed class OrthancFixture : IAsyncLifetime
{
    public const string MultiViewStudy = "1.2.826.0.1.3680043.10.2.1";
    public const string NoFrontalStudy = "1.2.826.0.1.3680043.10.3.1";
    public const string CorruptStudy = "1.2.826.0.1.3680043.10.4.1";
    public const string PaSop = "1.2.826.0.1.3680043.10.2.2.3";
    public const string ApSop = "1.2.826.0.1.3680043.10.2.3.3";

    private readonly SyntheticUploads _synthetic = new();

    public OrthancServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await OrthancServer.StartAsync();
        await Server.UploadAsync(SharedDicom.All.Where(p => !p.EndsWith("txv_Fake_MONOHR1.dcm", StringComparison.Ordinal)));

        // Upload order puts the lateral and AP first so that the PA is not simply the first found.
        var synthetic = new[]
        {
            new SyntheticImage { StudyUid = MultiViewStudy, SeriesUid = "1.2.826.0.1.3680043.10.2.1.1", SopUid = "1.2.826.0.1.3680043.10.2.1.3", ViewPosition = "LL" },
            new SyntheticImage { StudyUid = MultiViewStudy, SeriesUid = "1.2.826.0.1.3680043.10.2.3", SopUid = ApSop, ViewPosition = "AP", Modality = "CR" },
            new SyntheticImage { StudyUid = MultiViewStudy, SeriesUid = "1.2.826.0.1.3680043.10.2.4", SopUid = "1.2.826.0.1.3680043.10.2.4.3", ViewPosition = "PA", Modality = "CT" },
            new SyntheticImage { StudyUid = MultiViewStudy, SeriesUid = "1.2.826.0.1.3680043.10.2.2", SopUid = PaSop, ViewPosition = "PA" },
            new SyntheticImage { StudyUid = NoFrontalStudy, SeriesUid = "1.2.826.0.1.3680043.10.3.2", SopUid = "1.2.826.0.1.3680043.10.3.3", ViewPosition = "RL" },
            new SyntheticImage { StudyUid = NoFrontalStudy, SeriesUid = "1.2.826.0.1.3680043.10.3.4", SopUid = "1.2.826.0.1.3680043.10.3.5", BodyPart = "KNEE", ViewPosition = "AP" },
            new SyntheticImage { StudyUid = CorruptStudy, SeriesUid = "1.2.826.0.1.3680043.10.4.2", SopUid = "1.2.826.0.1.3680043.10.4.3", JpegFragment = new byte[4000] },
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
public sealed class OrthancCollection : ICollectionFixture<OrthancFixture>
{
    public const string Name = "Orthanc";
}
