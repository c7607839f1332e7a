namespace ChestXCds.EndToEnd.Tests.Infrastructure;

/// <summary>All end-to-end tests share one Orthanc and FHIR server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndWorld>
{
    public const string Name = "end-to-end";
}
