using System.Text.RegularExpressions;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Terminology;

namespace ChestXCds.Fhir.Validation;

/// <summary>
/// Code validation without a terminology server. Delegates to Firely's LocalTerminologyService, which checks codes
/// against the code systems and value sets the R4 core package and the project define (required bindings give
/// errors). The one external system a profiled resource of ours is bound to by a required binding is BCP 13 (MIME
/// types, Attachment.contentType): it has no enumerable code system, so it is checked here by RFC 6838 syntax
/// instead of failing as "cannot expand". Any other system the local service cannot load (SNOMED CT, the AI
/// Transparency IG's code systems) makes the validator report a warning ("Terminology service failed ...") where a
/// binding needs it; nothing is accepted silently. Example and preferred bindings are not checked by the validator.
/// </summary>
internal sealed partial class OfflineTerminologyService : ICodeValidationTerminologyService
{
    private const string MimeTypesValueSet = "http://hl7.org/fhir/ValueSet/mimetypes";

    private readonly ICodeValidationTerminologyService _local;

    public OfflineTerminologyService(LocalTerminologyService local) => _local = local;

    /// <summary>RFC 6838 section 4.2 type/subtype, optionally followed by parameters (RFC 2045).</summary>
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\s*;\s*[^;=\s]+=[^;]+)*$")]
    private static partial Regex MimeType();

    public Task<Parameters> ValueSetValidateCode(Parameters parameters, string? id = null, bool useGet = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var url = (parameters.GetSingleValue<FhirUri>("url")?.Value ?? string.Empty).Split('|')[0];
        if (url == MimeTypesValueSet)
        {
            var code = parameters.GetSingleValue<Code>("code")?.Value
                ?? parameters.GetSingleValue<Coding>("coding")?.Code
                ?? string.Empty;
            var valid = MimeType().IsMatch(code);
            var result = new Parameters().Add("result", new FhirBoolean(valid));
            if (!valid)
            {
                result.Add("message", new FhirString($"'{code}' is not a MIME type (BCP 13, RFC 6838 type/subtype)."));
            }

            return System.Threading.Tasks.Task.FromResult(result);
        }

        return _local.ValueSetValidateCode(parameters, id, useGet);
    }

    public Task<Parameters> Subsumes(Parameters parameters, string? id = null, bool useGet = false) =>
        _local.Subsumes(parameters, id, useGet);
}
