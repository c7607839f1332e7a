using System.Text.RegularExpressions;
using ChestXCds.CdsHooks.Contracts;

namespace ChestXCds.CdsHooks.Prefetch;

/// <summary>
/// Fills a prefetch template's tokens from the hook context (CDS Hooks 2.0 §Prefetch tokens), giving the
/// relative FHIR query the service runs itself when a key is absent or failed.
/// </summary>
public static partial class PrefetchTemplateResolver
{
    /// <summary>The query, or null when a token it needs has no value in this context.</summary>
    public static string? Resolve(string template, HookContext context)
    {
        var missing = false;
        var resolved = TokenPattern().Replace(template, match =>
        {
            var value = Token(match.Groups[1].Value.Trim(), context);
            if (string.IsNullOrEmpty(value))
            {
                missing = true;
                return string.Empty;
            }

            return Uri.EscapeDataString(value);
        });
        return missing ? null : resolved;
    }

    private static string? Token(string token, HookContext context) => token switch
    {
        "context.patientId" => context.PatientId,
        "context.encounterId" => context.EncounterId,
        "context.userId" => context.UserId,
        "userPractitionerId" => IdOf(context.UserId, "Practitioner"),
        "userPractitionerRoleId" => IdOf(context.UserId, "PractitionerRole"),
        "userPatientId" => IdOf(context.UserId, "Patient"),
        "userRelatedPersonId" => IdOf(context.UserId, "RelatedPerson"),
        _ => null,
    };

    private static string? IdOf(string? reference, string type) =>
        reference is not null && reference.StartsWith(type + "/", StringComparison.Ordinal) ? reference[(type.Length + 1)..] : null;

    [GeneratedRegex(@"\{\{([^}]+)\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();
}
