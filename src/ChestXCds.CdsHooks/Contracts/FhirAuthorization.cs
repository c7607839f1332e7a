using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The <c>fhirAuthorization</c> member of a hook request (CDS Hooks 2.0 §Passing the Access Token).</summary>
public sealed class FhirAuthorization
{
    /// <summary>The bearer token. Secret: never logged.</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; set; }

    /// <summary>Always <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; set; }

    /// <summary>Lifetime of the token in seconds.</summary>
    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; set; }

    /// <summary>The granted SMART scopes.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; set; }

    /// <summary>The OAuth client id of the CDS service at the client's authorization server.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; set; }

    /// <summary>The patient in context, when the token is patient-scoped.</summary>
    [JsonPropertyName("patient")]
    public string? Patient { get; set; }

    /// <summary>Vendor members, tolerated.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalMembers { get; set; }
}
