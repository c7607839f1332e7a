namespace ChestXCds.Fhir.Tests.Validation;

[CollectionDefinition(ValidatorFixture.Collection)]
public sealed class ValidatorCollection : ICollectionFixture<ValidatorFixture>;
