using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The body of <c>POST /cds-services/{id}</c> (CDS Hooks 2.0 §HTTP Request).</summary>
public sealed class CdsHookRequest
{
    /// <summary>The hook that fired, e.g. <c>order-sign</c>.</summary>
    public string? Hook { get; set; }

    /// <summary>A UUID the client gives this hook invocation.</summary>
    public string? HookInstance { get; set; }

    /// <summary>Base URL of the client's FHIR server; required when <see cref="FhirAuthorization"/> is present.</summary>
    public string? FhirServer { get; set; }

    /// <summary>The OAuth 2.0 access token the service uses to read <see cref="FhirServer"/>.</summary>
    public FhirAuthorization? FhirAuthorization { get; set; }

    /// <summary>Hook-specific context (userId, patientId, draftOrders, ...).</summary>
    public HookContext? Context { get; set; }

    /// <summary>Prefetched FHIR data by key. A key mapped to JSON <c>null</c> (ValueKind Null) means "no data"; an absent key means the client did not try.</summary>
    public Dictionary<string, JsonElement>? Prefetch { get; set; }

    /// <summary>Vendor extensions (Epic sends several); carried, never interpreted.</summary>
    public JsonElement? Extension { get; set; }

    /// <summary>Members this service does not know; tolerated so that newer clients are not refused.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
