using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using Microsoft.Extensions.Options;

namespace ChestXCds.Fhir.Tests.Mapping;

/// <summary>REQ-FHIRMAP-11: the mapping is the one place ids are minted: from the inputs' digest when given one, else at random.</summary>
public sealed class MappingIdTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly ModelDescriptor Model = new("nih-multilabel", "1.0.0", "CPU", null, "Weak research model.");
    private static readonly StudyAnalysis Analysis = new("1.2.3.4", "1.2.3.4.5", Model, [new FindingScore("Effusion", 0.7, 0.37)], [], [], Now);
    private static readonly AnalysisMapper Mapper = new(Options.Create(new FhirMappingOptions()));

    private static IReadOnlyList<SerializedResource> Map(string? seed) =>
        Mapper.Map(Analysis, new AnalysisFhirContext("Patient/p1", "ImagingStudy/s1", "1.2.3.4", Now, IdSeed: seed)).Serialize();

    [Fact]
    public void GivenTheSameSeed_WhenMappedTwice_ThenTheSameBytes() =>
        Assert.Equal(Map("abc").Select(r => Convert.ToBase64String(r.Utf8Json.Span)), Map("abc").Select(r => Convert.ToBase64String(r.Utf8Json.Span)));

    [Fact]
    public void GivenOtherSeeds_WhenMapped_ThenNoIdShared()
    {
        Assert.Empty(Map("abc").Select(r => r.Id).Intersect(Map("abd").Select(r => r.Id)));
        Assert.Empty(Map(null).Select(r => r.Id).Intersect(Map(null).Select(r => r.Id)));
    }

    [Fact]
    public void GivenASeed_WhenMapped_ThenEveryIdIsAUniqueVersion8Uuid()
    {
        var ids = Map("abc").Select(r => r.Id!).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(8, Guid.Parse(id).Version));
    }
}
