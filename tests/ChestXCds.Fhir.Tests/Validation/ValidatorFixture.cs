using ChestXCds.Fhir.Validation;

namespace ChestXCds.Fhir.Tests.Validation;

/// <summary>One validator for every test class in the collection: building it indexes specification.zip and compiles schemas.</summary>
public sealed class ValidatorFixture
{
    public const string Collection = "Firely validator";

    public FirelyResourceValidator Validator { get; } = new();
}
