using System.Text.Json;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.CdsHooks.Serialization;

namespace ChestXCds.CdsHooks.Tests.Serialization;

// REQ-CDS-02, REQ-CDS-03: vendor members tolerated; null and absent prefetch keys told apart.
public sealed class CdsHookRequestJsonTests
{
    [Fact]
    public void GivenPrefetchWithNullAndAbsentKeys_WhenRead_ThenTheyAreTellApart()
    {
        var request = JsonSerializer.Deserialize<CdsHookRequest>("""{"prefetch":{"patient":null,"imagingStudies":{"resourceType":"Bundle"}}}""", CdsHooksJson.Options)!;

        Assert.Equal(JsonValueKind.Null, request.Prefetch!["patient"].ValueKind);
        Assert.Equal(JsonValueKind.Object, request.Prefetch["imagingStudies"].ValueKind);
        Assert.False(request.Prefetch.ContainsKey("diagnosticReports"));
    }

    [Fact]
    public void GivenVendorMembersEverywhere_WhenRead_ThenToleratedAndKept()
    {
        var request = JsonSerializer.Deserialize<CdsHookRequest>("""
            {"hook":"order-sign","extension":{"com.epic.cdshooks.request.bpa-trigger-action":"23"},"vendorTop":1,
             "context":{"patientId":"p","com.vendor.flag":true},
             "fhirAuthorization":{"access_token":"t","token_type":"Bearer","user":"u"}}
            """, CdsHooksJson.Options)!;

        Assert.Equal(JsonValueKind.Object, request.Extension!.Value.ValueKind);
        Assert.True(request.AdditionalMembers!.ContainsKey("vendorTop"));
        Assert.True(request.Context!.AdditionalMembers!.ContainsKey("com.vendor.flag"));
        Assert.True(request.FhirAuthorization!.AdditionalMembers!.ContainsKey("user"));
    }
}
