using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The <c>context</c> of order-sign, order-select and patient-view (CDS Hooks hook definitions).</summary>
public sealed class HookContext
{
    /// <summary><c>Practitioner/…</c>, <c>PractitionerRole/…</c> (Epic), <c>Patient/…</c> or <c>RelatedPerson/…</c>.</summary>
    public string? UserId { get; set; }

    /// <summary>The FHIR id of the patient in context.</summary>
    public string? PatientId { get; set; }

    /// <summary>The FHIR id of the encounter, when there is one.</summary>
    public string? EncounterId { get; set; }

    /// <summary>A FHIR Bundle of the draft orders (order-sign, order-select).</summary>
    public JsonElement? DraftOrders { get; set; }

    /// <summary>order-select: references (<c>ServiceRequest/id</c>) of the newly selected orders in <see cref="DraftOrders"/>.</summary>
    public IReadOnlyList<string>? Selections { get; set; }

    /// <summary>Other context members (vendor additions), tolerated.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
