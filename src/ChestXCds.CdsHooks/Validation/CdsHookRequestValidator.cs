using System.Text.Json;
using ChestXCds.CdsHooks.Contracts;
using FluentValidation;

namespace ChestXCds.CdsHooks.Validation;

/// <summary>
/// Checks a hook request against CDS Hooks 2.0 §HTTP Request and the hook definitions of order-sign,
/// order-select and patient-view. Error property names are the JSON member paths so that a client can
/// tell which field was wrong.
/// </summary>
public sealed class CdsHookRequestValidator : AbstractValidator<CdsHookRequest>
{
    private static readonly string[] UserTypes = ["Practitioner/", "PractitionerRole/", "Patient/", "RelatedPerson/"];

    public CdsHookRequestValidator()
    {
        RuleFor(r => r.Hook).NotEmpty().OverridePropertyName("hook");

        RuleFor(r => r.HookInstance)
            .NotEmpty()
            .Must(v => Guid.TryParse(v, out _)).WithMessage("'hookInstance' must be a UUID.")
            .OverridePropertyName("hookInstance");

        RuleFor(r => r.FhirServer)
            .Must(BeAbsoluteHttpUrl!).When(r => r.FhirServer is not null)
            .WithMessage("'fhirServer' must be an absolute http(s) URL.")
            .OverridePropertyName("fhirServer");

        RuleFor(r => r.FhirServer)
            .NotEmpty().When(r => r.FhirAuthorization is not null)
            .WithMessage("'fhirServer' is required when 'fhirAuthorization' is present.")
            .OverridePropertyName("fhirServer");

        When(r => r.FhirAuthorization is not null, () =>
        {
            RuleFor(r => r.FhirAuthorization!.AccessToken).NotEmpty().OverridePropertyName("fhirAuthorization.access_token");
            RuleFor(r => r.FhirAuthorization!.TokenType)
                .Must(t => string.Equals(t, "Bearer", StringComparison.OrdinalIgnoreCase))
                .WithMessage("'fhirAuthorization.token_type' must be Bearer.")
                .OverridePropertyName("fhirAuthorization.token_type");
            RuleFor(r => r.FhirAuthorization!.Scope).NotEmpty().OverridePropertyName("fhirAuthorization.scope");
            RuleFor(r => r.FhirAuthorization!.Subject).NotEmpty().OverridePropertyName("fhirAuthorization.subject");
            // A token scoped to one patient must be this hook's patient (CDS Hooks 2.0 fhirAuthorization.patient).
            RuleFor(r => r.FhirAuthorization!.Patient)
                .Must((request, patient) => patient is null || string.Equals(patient, request.Context?.PatientId, StringComparison.Ordinal))
                .WithMessage("'fhirAuthorization.patient' must equal 'context.patientId'.")
                .OverridePropertyName("fhirAuthorization.patient");
            RuleFor(r => r.FhirAuthorization!.ExpiresIn)
                .NotNull().GreaterThan(0)
                .OverridePropertyName("fhirAuthorization.expires_in");
        });

        RuleFor(r => r.Context).NotNull().OverridePropertyName("context");

        When(r => r.Context is not null, () =>
        {
            RuleFor(r => r.Context!.PatientId).NotEmpty().OverridePropertyName("context.patientId");
            RuleFor(r => r.Context!.UserId)
                .NotEmpty()
                .Must(u => UserTypes.Any(t => u!.StartsWith(t, StringComparison.Ordinal) && u.Length > t.Length))
                .WithMessage("'context.userId' must be a Practitioner/, PractitionerRole/, Patient/ or RelatedPerson/ reference.")
                .OverridePropertyName("context.userId");

            RuleFor(r => r.Context!.DraftOrders)
                .Must(BeABundle)
                .When(r => HookIds.HasDraftOrders(r.Hook))
                .WithMessage("'context.draftOrders' must be a FHIR Bundle of the draft orders.")
                .OverridePropertyName("context.draftOrders");

            RuleFor(r => r.Context!.Selections)
                .NotEmpty()
                .When(r => r.Hook == HookIds.OrderSelect)
                .WithMessage("'context.selections' is required for order-select.")
                .OverridePropertyName("context.selections");

            RuleForEach(r => r.Context!.Selections)
                .Must((request, selection) => IsInDraftOrders(request.Context!.DraftOrders, selection))
                .When(r => r.Hook == HookIds.OrderSelect && IsBundle(r.Context!.DraftOrders))
                .WithMessage("'{PropertyValue}' is not a Type/id of an order in 'context.draftOrders'.")
                .OverridePropertyName("context.selections");
        });

        RuleForEach(r => r.Prefetch)
            .Must(p => p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null)
            .WithMessage("Each prefetch value must be a FHIR resource or null.")
            .OverridePropertyName("prefetch");

        RuleFor(r => r.Extension)
            .Must(e => e!.Value.ValueKind == JsonValueKind.Object)
            .When(r => r.Extension is not null)
            .WithMessage("'extension' must be an object.")
            .OverridePropertyName("extension");
    }

    private static bool BeAbsoluteHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool BeABundle(JsonElement? draftOrders) => IsBundle(draftOrders);

    private static bool IsBundle(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } bundle
        && bundle.TryGetProperty("resourceType", out var type)
        && type.ValueKind == JsonValueKind.String
        && type.GetString() == "Bundle";

    private static bool IsInDraftOrders(JsonElement? draftOrders, string selection)
    {
        if (draftOrders is not { } bundle || !bundle.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("resource", out var resource)
                && resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("resourceType", out var type)
                && resource.TryGetProperty("id", out var id)
                && type.ValueKind == JsonValueKind.String
                && id.ValueKind == JsonValueKind.String
                && string.Equals($"{type.GetString()}/{id.GetString()}", selection, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
