using System.Text.Json;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;
using ChestXCds.CdsHooks.Validation;

namespace ChestXCds.CdsHooks.Tests.Validation;

/// <summary>REQ-CDS-02: request validation names each wrong field by its JSON path.</summary>
public sealed class CdsHookRequestValidatorTests
{
    private const string DraftOrders = """
        {"resourceType":"Bundle","entry":[{"resource":{"resourceType":"ServiceRequest","id":"sr1","status":"draft","intent":"order"}}]}
        """;

    private readonly CdsHookRequestValidator validator = new();

    private static CdsHookRequest Read(string json) => JsonSerializer.Deserialize<CdsHookRequest>(json, CdsHooksJson.Options)!;

    private static string OrderSign(string extra = "", string context = "") => $$$"""
        {"hook":"order-sign","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","fhirServer":"https://ehr.example/fhir",
         "fhirAuthorization":{"access_token":"t","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"svc"},
         "context":{"userId":"Practitioner/1","patientId":"p1","draftOrders":{{{DraftOrders}}}{{{context}}}}{{{extra}}}}
        """;

    [Fact]
    public void GivenValidOrderSign_WhenValidated_ThenValid() => Assert.True(validator.Validate(Read(OrderSign())).IsValid);

    [Fact]
    public void GivenPractitionerRoleUser_WhenValidated_ThenValid() =>
        Assert.True(validator.Validate(Read(OrderSign().Replace("Practitioner/1", "PractitionerRole/e9", StringComparison.Ordinal))).IsValid);

    [Theory]
    [InlineData("\"hookInstance\":\"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\"", "\"hookInstance\":\"42\"", "hookInstance")]
    [InlineData("\"hook\":\"order-sign\"", "\"hook\":\"\"", "hook")]
    [InlineData("\"fhirServer\":\"https://ehr.example/fhir\"", "\"fhirServer\":\"ftp://ehr.example\"", "fhirServer")]
    [InlineData("\"fhirServer\":\"https://ehr.example/fhir\",", "", "fhirServer")]
    [InlineData("\"token_type\":\"Bearer\"", "\"token_type\":\"MAC\"", "fhirAuthorization.token_type")]
    [InlineData("\"access_token\":\"t\"", "\"access_token\":\"\"", "fhirAuthorization.access_token")]
    [InlineData("\"subject\":\"svc\"", "\"subject\":\"\"", "fhirAuthorization.subject")]
    [InlineData("\"userId\":\"Practitioner/1\"", "\"userId\":\"Device/1\"", "context.userId")]
    [InlineData("\"patientId\":\"p1\",", "", "context.patientId")]
    public void GivenOneWrongField_WhenValidated_ThenThatFieldIsNamed(string replace, string with, string field)
    {
        var result = validator.Validate(Read(OrderSign().Replace(replace, with, StringComparison.Ordinal)));

        Assert.Contains(result.Errors, e => e.PropertyName == field);
    }

    [Fact]
    public void GivenDraftOrdersNotABundle_WhenValidated_ThenNamed()
    {
        var json = OrderSign().Replace(DraftOrders, """{"resourceType":"ServiceRequest"}""", StringComparison.Ordinal);

        Assert.Contains(validator.Validate(Read(json)).Errors, e => e.PropertyName == "context.draftOrders");
    }

    [Fact]
    public void GivenOrderSelectWithoutSelections_WhenValidated_ThenNamed()
    {
        var json = OrderSign().Replace("\"hook\":\"order-sign\"", "\"hook\":\"order-select\"", StringComparison.Ordinal);

        Assert.Contains(validator.Validate(Read(json)).Errors, e => e.PropertyName == "context.selections");
    }

    [Fact]
    public void GivenOrderSelectWithSelectionOutsideDraftOrders_WhenValidated_ThenNamed()
    {
        var json = OrderSign(context: ",\"selections\":[\"ServiceRequest/nope\"]").Replace("\"hook\":\"order-sign\"", "\"hook\":\"order-select\"", StringComparison.Ordinal);

        Assert.Contains(validator.Validate(Read(json)).Errors, e => e.PropertyName.StartsWith("context.selections", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenOrderSelectWithMatchingSelection_WhenValidated_ThenValid()
    {
        var json = OrderSign(context: ",\"selections\":[\"ServiceRequest/sr1\"]").Replace("\"hook\":\"order-sign\"", "\"hook\":\"order-select\"", StringComparison.Ordinal);

        Assert.True(validator.Validate(Read(json)).IsValid);
    }

    [Fact]
    public void GivenPatientViewWithoutDraftOrders_WhenValidated_ThenValid()
    {
        var json = """{"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","context":{"userId":"Practitioner/1","patientId":"p1"}}""";

        Assert.True(validator.Validate(Read(json)).IsValid);
    }

    [Fact]
    public void GivenPrefetchValueThatIsAString_WhenValidated_ThenPrefetchNamed()
    {
        var result = validator.Validate(Read(OrderSign(extra: ",\"prefetch\":{\"patient\":\"Patient/1\"}")));

        Assert.Contains(result.Errors, e => e.PropertyName.StartsWith("prefetch", StringComparison.Ordinal));
    }

    [Fact]
    public void GivenExtensionThatIsNotAnObject_WhenValidated_ThenNamed() =>
        Assert.Contains(validator.Validate(Read(OrderSign(extra: ",\"extension\":[1]"))).Errors, e => e.PropertyName == "extension");

    [Fact]
    public void GivenNoContext_WhenValidated_ThenNamed() =>
        Assert.Contains(validator.Validate(Read("""{"hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"}""")).Errors, e => e.PropertyName == "context");
}
