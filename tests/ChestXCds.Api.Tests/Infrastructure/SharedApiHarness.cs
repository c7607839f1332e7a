namespace ChestXCds.Api.Tests.Infrastructure;

/// <summary>One host shared by the tests of a class (xunit class fixture), to keep the suite fast; tests reset the FHIR server's mappings themselves.</summary>
public sealed class SharedApiHarness : ApiHarness
{
    public SharedApiHarness()
        : base(null)
    {
    }
}
