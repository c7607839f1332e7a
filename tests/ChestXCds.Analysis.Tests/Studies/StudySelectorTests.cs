using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Translation;
using ChestXCds.Analysis.Orders;
using ChestXCds.Analysis.Studies;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Tests.Studies;

/// <summary>REQ-CDS-04: chest CR/DX studies within the look-back, newest first, each with its report.</summary>
public sealed class StudySelectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly StudySelector selector = new(ChestImagingOrderCatalog.Default);

    private IReadOnlyList<ChestStudy> Select(IEnumerable<ImagingStudy> studies, IEnumerable<DiagnosticReport> reports, DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        selector.Select(studies.Select(StudyRecords.From), reports.Select(ReportRecords.From), notBefore, notAfter);

    internal static StudyRecord Record(string id, DateTimeOffset started) => StudyRecords.From(Study(id, started));

    internal static ImagingStudy Study(string id, DateTimeOffset started, string modality = "CR", string bodySite = "51185008", ImagingStudy.ImagingStudyStatus status = ImagingStudy.ImagingStudyStatus.Available) => new()
    {
        Id = id,
        Status = status,
        Started = started.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        Identifier = [new Identifier("urn:dicom:uid", "urn:oid:1.2.3." + id.Length)],
        Series = [new ImagingStudy.SeriesComponent { Uid = "1.2", Modality = new Coding("http://dicom.nema.org/resources/ontology/DCM", modality), BodySite = new Coding("http://snomed.info/sct", bodySite) }],
    };

    /// <summary>A radiograph as sparse feeds send it: modality, Study Instance UID and start, nothing about the body part.</summary>
    internal static ImagingStudy Sparse(string id, DateTimeOffset started, string uid, string modality = "DX") => new()
    {
        Id = id,
        Status = ImagingStudy.ImagingStudyStatus.Available,
        Started = started.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        Identifier = [new Identifier("urn:dicom:uid", "urn:oid:" + uid)],
        Modality = [new Coding("http://dicom.nema.org/resources/ontology/DCM", modality)],
    };

    [Fact]
    public void GivenMixedStudies_WhenSelected_ThenChestRadiographsInWindowNewestFirst()
    {
        var studies = new[]
        {
            Study("old", Now.AddHours(-100)),
            Study("cxr-a", Now.AddHours(-10)),
            Study("ct", Now.AddHours(-2), modality: "CT"),
            Study("knee", Now.AddHours(-1), bodySite: "72696002"),
            Study("cxr-b", Now.AddHours(-3), modality: "DX"),
            Study("gone", Now.AddHours(-1), status: ImagingStudy.ImagingStudyStatus.EnteredInError),
        };

        var chosen = Select(studies, Array.Empty<DiagnosticReport>(), Now.AddHours(-72), Now);

        Assert.Equal(["cxr-b", "cxr-a"], chosen.Select(c => c.Study.Id!).ToArray());
        Assert.Equal("DX", chosen[0].Modality);
        Assert.Equal("1.2.3.5", chosen[0].StudyInstanceUid);
    }

    [Fact]
    public void GivenStudyWithoutBodySiteButChestProcedureCode_WhenSelected_ThenChosen()
    {
        var study = Study("p", Now.AddHours(-1), bodySite: "0");
        study.ProcedureCode = [new CodeableConcept("http://www.ama-assn.org/go/cpt", "71046")];

        Assert.Single(Select(new[] { study }, Array.Empty<DiagnosticReport>(), Now.AddHours(-72), Now));
    }

    [Fact]
    public void GivenStudyWithoutStartTime_WhenSelected_ThenSkipped()
    {
        var study = Study("x", Now);
        study.Started = null;

        Assert.Empty(Select(new[] { study }, Array.Empty<DiagnosticReport>(), Now.AddHours(-72), Now));
    }

    [Fact]
    public void GivenPreliminaryAndFinalReports_WhenSelected_ThenFinalImpressionUsed()
    {
        var study = Study("s1", Now.AddHours(-5));
        var preliminary = new DiagnosticReport { Status = DiagnosticReport.DiagnosticReportStatus.Preliminary, ImagingStudy = [new ResourceReference("ImagingStudy/s1")], Conclusion = "Prelim read." };
        var final = new DiagnosticReport { Status = DiagnosticReport.DiagnosticReportStatus.Final, ImagingStudy = [new ResourceReference("ImagingStudy/s1")], Conclusion = "Final read." };
        var other = new DiagnosticReport { Status = DiagnosticReport.DiagnosticReportStatus.Final, ImagingStudy = [new ResourceReference("ImagingStudy/zzz")], Conclusion = "Other." };

        var chosen = Assert.Single(Select(new[] { study }, new[] { preliminary, other, final }, Now.AddHours(-72), Now));

        Assert.Equal("Final read.", chosen.Impression);
    }

    [Fact]
    public void GivenReportSharingTheOrder_WhenSelected_ThenMatchedByBasedOn()
    {
        var study = Study("s1", Now.AddHours(-5));
        study.BasedOn = [new ResourceReference("ServiceRequest/o1")];
        var report = new DiagnosticReport { Status = DiagnosticReport.DiagnosticReportStatus.Final, BasedOn = [new ResourceReference("ServiceRequest/o1")], Conclusion = "By order." };

        Assert.Equal("By order.", Assert.Single(Select(new[] { study }, new[] { report }, Now.AddHours(-72), Now)).Impression);
    }

    // REQ-CDS-13: metadata that names nothing is not metadata that names another body part.
    [Fact]
    public void GivenARadiographWithOnlyModalityAndUid_WhenClassified_ThenUndetermined()
    {
        var study = StudyRecords.From(Sparse("s", Now.AddHours(-1), "1.2.3.1"));

        Assert.Equal(StudyBodyPart.Undetermined, selector.BodyPartOf(study));
    }

    // REQ-CDS-13
    [Theory]
    [InlineData("body site knee")]
    [InlineData("local procedure code")]
    [InlineData("description")]
    [InlineData("series description")]
    public void GivenARadiographNamingAnotherBodyPart_WhenClassified_ThenNotChest(string how)
    {
        var study = Sparse("s", Now.AddHours(-1), "1.2.3.1");
        switch (how)
        {
            case "body site knee":
                study.Series = [new ImagingStudy.SeriesComponent { Uid = "1.2.3.1.1", BodySite = new Coding("http://snomed.info/sct", "72696002") }];
                break;
            case "local procedure code":
                study.ProcedureCode = [new CodeableConcept("urn:oid:1.2.840.99.1", "XR-LOCAL-42")];
                break;
            case "description":
                study.Description = "XR KNEE 2 VIEWS";
                break;
            default:
                study.Series = [new ImagingStudy.SeriesComponent { Uid = "1.2.3.1.1", Description = "Hand PA" }];
                break;
        }

        Assert.Equal(StudyBodyPart.NotChest, selector.BodyPartOf(StudyRecords.From(study)));
    }

    // REQ-CDS-13
    [Fact]
    public void GivenAnEmptyBodySiteCoding_WhenClassified_ThenItNamesNothing()
    {
        var study = Sparse("s", Now.AddHours(-1), "1.2.3.1");
        study.Series = [new ImagingStudy.SeriesComponent { Uid = "1.2.3.1.1", BodySite = new Coding() }];

        Assert.Equal(StudyBodyPart.Undetermined, selector.BodyPartOf(StudyRecords.From(study)));
    }

    // REQ-CDS-13: only the sparse radiographs in the window with a UID to ask about, newest first; never the knee, the CT or a withdrawn one.
    [Fact]
    public void GivenMixedStudies_WhenUndeterminedAreListed_ThenOnlySparseRadiographsInTheWindowNewestFirst()
    {
        var knee = Sparse("knee", Now.AddHours(-1), "1.2.3.2");
        knee.Description = "Knee AP";
        var withdrawn = Sparse("gone", Now.AddHours(-1), "1.2.3.6");
        withdrawn.Status = ImagingStudy.ImagingStudyStatus.EnteredInError;
        var noUid = Sparse("no-uid", Now.AddHours(-1), "1.2.3.7");
        noUid.Identifier = [];
        var studies = new[]
        {
            Sparse("older", Now.AddHours(-20), "1.2.3.1", modality: "CR"),
            knee,
            Sparse("ct", Now.AddHours(-1), "1.2.3.3", modality: "CT"),
            Sparse("newer", Now.AddHours(-2), "1.2.3.4"),
            Sparse("too-old", Now.AddHours(-100), "1.2.3.5"),
            withdrawn,
            noUid,
            Study("chest", Now.AddHours(-1)),
        }.Select(StudyRecords.From);

        var undetermined = selector.Undetermined(studies, Now.AddHours(-72), Now);

        Assert.Equal(["newer", "older"], undetermined.Select(s => s.Id!).ToArray());
    }

    // REQ-CDS-13: a sparse radiograph counts once its DICOM header said chest; the header never lifts a study whose metadata names another body part.
    [Fact]
    public void GivenStudiesWhoseHeaderSaidChest_WhenSelected_ThenOnlyTheUndeterminedOnesAmongThemAreChosen()
    {
        var knee = Sparse("knee", Now.AddHours(-1), "1.2.3.2");
        knee.Description = "Knee AP";
        var studies = new[] { Sparse("sparse", Now.AddHours(-2), "1.2.3.1"), knee, Sparse("unchecked", Now.AddHours(-3), "1.2.3.3") };
        var headerSaidChest = new HashSet<string> { "1.2.3.1", "1.2.3.2" };

        var without = Select(studies, [], Now.AddHours(-72), Now);
        var with = selector.Select(studies.Select(StudyRecords.From), [], Now.AddHours(-72), Now, headerSaidChest);

        Assert.Empty(without);
        var chosen = Assert.Single(with);
        Assert.Equal("sparse", chosen.Study.Id);
        Assert.Equal("DX", chosen.Modality);
        Assert.Equal("Chest radiograph", chosen.Description);
    }

    [Fact]
    public void GivenAThoracicSpineRadiograph_WhenSelected_ThenNotAChestStudy()
    {
        var study = Study("spine", Now.AddHours(-1), bodySite: "0");
        study.Description = "XR THORACIC SPINE 2 VIEWS";

        Assert.Empty(Select(new[] { study }, Array.Empty<DiagnosticReport>(), Now.AddHours(-72), Now));
    }
}
