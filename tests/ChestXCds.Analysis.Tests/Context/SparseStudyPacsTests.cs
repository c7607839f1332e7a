using System.Globalization;
using System.Text.Json;
using ChestXCds.Analysis.Cards;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Tests.Hooks;
using ChestXCds.Analysis.Tests.Support;
using ChestXCds.CdsHooks.Cards;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;
using ChestXCds.CdsHooks.Services;
using ChestXCds.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChestXCds.Analysis.Tests.Context;

/// <summary>
/// REQ-CDS-13 against a real Orthanc: an ImagingStudy with only modality DX, its Study Instance UID and a dicom-wado-rs
/// Endpoint is counted as a chest radiograph when its DICOM header says chest (QIDO-RS), and not when it names another
/// body part or nothing; then the hook answers the card it would have answered for a fully described study.
/// </summary>
[Collection(PacsCollection.Name)]
public sealed class SparseStudyPacsTests(PacsFixture pacs)
{
    // A deadline no busy test machine reaches: these tests are about what is selected, StudyBodyPartResolverTests about time.
    private static readonly FixedOptions<AnalysisOptions> Options = new(new AnalysisOptions { HookBudgetMilliseconds = 30_000 });

    private CdsHookRequest Request(string hook, string studyUid)
    {
        var started = DateTimeOffset.UtcNow.AddHours(-3).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
        var draftOrders = hook == HookIds.OrderSign
            ? ""","draftOrders":{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"ServiceRequest","id":"sr1","status":"draft","intent":"order","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"71045"}]}}}]}"""
            : string.Empty;
        var json = $$$"""
            {"hook":"{{{hook}}}","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
             "context":{"userId":"Practitioner/1","patientId":"p1"{{{draftOrders}}}},
             "prefetch":{"patient":{"resourceType":"Patient","id":"p1"},
               "imagingStudies":{"resourceType":"Bundle","type":"searchset","entry":[{"resource":{"resourceType":"ImagingStudy","id":"sparse","status":"available",
                 "subject":{"reference":"Patient/p1"},"started":"{{{started}}}",
                 "identifier":[{"system":"urn:dicom:uid","value":"urn:oid:{{{studyUid}}}"}],
                 "modality":[{"system":"http://dicom.nema.org/resources/ontology/DCM","code":"DX"}],
                 "contained":[{"resourceType":"Endpoint","id":"pacs","status":"active",
                   "connectionType":{"system":"http://terminology.hl7.org/CodeSystem/endpoint-connection-type","code":"dicom-wado-rs"},
                   "payloadType":[{"text":"DICOM"}],"address":"{{{pacs.DicomWebBase}}}"}],
                 "endpoint":[{"reference":"#pacs"}]}}]},
               "diagnosticReports":null}}
            """;
        return JsonSerializer.Deserialize<CdsHookRequest>(json, CdsHooksJson.Options)!;
    }

    [Theory]
    [InlineData(PacsFixture.ChestStudy, true)]
    [InlineData(PacsFixture.DescribedChestStudy, true)]
    [InlineData(PacsFixture.KneeStudy, false)]
    [InlineData(PacsFixture.SilentStudy, false)]
    public async Task GivenASparseDxStudy_WhenTheContextIsResolved_ThenItIsAChestStudyOnlyWhenItsHeaderSaysSo(string studyUid, bool chest)
    {
        using var host = new BodyPartHost();
        var resolver = CdsHookHandlerTests.Resolver(bodyParts: host.Resolver);

        var resolution = await resolver.ResolveAsync(ChestXServices.Find(ChestXServices.PatientViewId)!, Request(HookIds.PatientView, studyUid), "https://ehr.example.org", CancellationToken.None);

        var context = resolution.Context!;
        Assert.Single(context.Studies);
        Assert.Equal(chest ? new[] { studyUid } : [], context.ChestStudies.Select(s => s.StudyInstanceUid!).ToArray());
    }

    [Fact]
    public async Task GivenASparseDxStudyWhoseHeaderSaysChest_WhenPatientViewIsHandled_ThenTheLatestChestRadiographCard()
    {
        using var host = new BodyPartHost();
        var handler = new CdsHookHandler(CdsHookHandlerTests.Resolver(bodyParts: host.Resolver), [new PriorChestImagingCardSource(Options)], Options, TimeProvider.System, NullLogger<CdsHookHandler>.Instance);

        var result = await handler.HandleAsync(ChestXServices.Find(ChestXServices.PatientViewId)!, Request(HookIds.PatientView, PacsFixture.ChestStudy), "https://ehr.example.org", CancellationToken.None);

        var card = Assert.Single(result.Response!.Cards);
        Assert.Equal(CardTopics.LatestChestStudy, card.Source.Topic);
        Assert.StartsWith("Latest chest radiograph", card.Summary, StringComparison.Ordinal);
        Assert.Empty(CardRules.Violations(card));
    }

    [Theory]
    [InlineData(PacsFixture.ChestStudy, 1)]
    [InlineData(PacsFixture.KneeStudy, 0)]
    public async Task GivenASparseDxStudy_WhenAChestOrderIsSigned_ThenTheDuplicateWarningOnlyWhenItsHeaderSaysChest(string studyUid, int cards)
    {
        using var host = new BodyPartHost();
        var handler = new CdsHookHandler(CdsHookHandlerTests.Resolver(bodyParts: host.Resolver), [new PriorChestImagingCardSource(Options)], Options, TimeProvider.System, NullLogger<CdsHookHandler>.Instance);

        var result = await handler.HandleAsync(ChestXServices.Find(ChestXServices.OrderSignId)!, Request(HookIds.OrderSign, studyUid), "https://ehr.example.org", CancellationToken.None);

        Assert.Equal(cards, result.Response!.Cards.Count);
        Assert.All(result.Response.Cards, c => Assert.Equal(CardIndicator.Warning, c.Indicator));
    }
}
