using System.Text.RegularExpressions;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Mapping;

/// <summary>Checks the references the context hands in, so a malformed one fails with a message, not a bad resource.</summary>
internal static partial class ReferenceRules
{
    /// <summary>A relative literal reference "Type/id" (FHIR R4 id: [A-Za-z0-9\-\.]{1,64}), optionally with "/_history/vid".</summary>
    [GeneratedRegex(@"^(?<type>[A-Z][A-Za-z]+)/(?<id>[A-Za-z0-9\-\.]{1,64})(/_history/[A-Za-z0-9\-\.]{1,64})?$")]
    private static partial Regex RelativeReference();

    /// <summary>Returns a Reference for <paramref name="value"/> when it is "Type/id" with one of <paramref name="types"/>.</summary>
    public static ResourceReference Require(string? value, string parameter, params string[] types)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{parameter} is required and must be a reference such as '{types[0]}/123'.", parameter);
        }

        var type = TypeOf(value);
        if (type is null || !types.Contains(type, StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"{parameter} '{value}' is not a relative FHIR reference to {string.Join(" or ", types)} (expected e.g. '{types[0]}/123').",
                parameter);
        }

        return new ResourceReference(value) { Type = type };
    }

    /// <summary>The resource type of a relative reference "Type/id", or null when it is not one.</summary>
    public static string? TypeOf(string value)
    {
        var match = RelativeReference().Match(value.Trim());
        return match.Success ? match.Groups["type"].Value : null;
    }
}
