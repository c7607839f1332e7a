using System.Text.Json.Nodes;
using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.Api.Tests.Infrastructure;

/// <summary>Hook request bodies in the shapes real clients send.</summary>
public static class HookBodies
{
    public static JsonObject OrderSign(string? fhirServer, JsonObject? prefetch = null, string userId = "Practitioner/prac-1") => new()
    {
        ["hook"] = HookIds.OrderSign,
        ["hookInstance"] = Guid.NewGuid().ToString(),
        ["fhirServer"] = fhirServer,
        ["fhirAuthorization"] = fhirServer is null ? null : Authorization(),
        ["context"] = new JsonObject
        {
            ["userId"] = userId,
            ["patientId"] = FhirFixtures.PatientId,
            ["encounterId"] = "enc-31",
            ["draftOrders"] = JsonNode.Parse(FhirFixtures.DraftOrders()),
        },
        ["prefetch"] = prefetch,
    };

    public static JsonObject OrderSelect(string? fhirServer, JsonObject? prefetch = null)
    {
        var body = OrderSign(fhirServer, prefetch);
        body["hook"] = HookIds.OrderSelect;
        body["context"]!["selections"] = new JsonArray("ServiceRequest/sr-cxr-1");
        return body;
    }

    public static JsonObject PatientView(string? fhirServer, JsonObject? prefetch = null) => new()
    {
        ["hook"] = HookIds.PatientView,
        ["hookInstance"] = Guid.NewGuid().ToString(),
        ["fhirServer"] = fhirServer,
        ["fhirAuthorization"] = fhirServer is null ? null : Authorization(),
        ["context"] = new JsonObject { ["userId"] = "Practitioner/prac-1", ["patientId"] = FhirFixtures.PatientId },
        ["prefetch"] = prefetch,
    };

    public static JsonObject Authorization() => new()
    {
        ["access_token"] = FhirFixtures.AccessToken,
        ["token_type"] = "Bearer",
        ["expires_in"] = 300,
        ["scope"] = "patient/Patient.read patient/ImagingStudy.read patient/DiagnosticReport.read",
        ["subject"] = "chestx-cds-service",
        ["patient"] = FhirFixtures.PatientId,
    };

    /// <summary>Drops members whose value is null so the body has no nulls the test did not mean.</summary>
    public static JsonObject Clean(this JsonObject body)
    {
        foreach (var key in body.Where(p => p.Value is null && p.Key != "prefetch").Select(p => p.Key).ToList())
        {
            body.Remove(key);
        }

        if (body["prefetch"] is null)
        {
            body.Remove("prefetch");
        }

        return body;
    }
}
