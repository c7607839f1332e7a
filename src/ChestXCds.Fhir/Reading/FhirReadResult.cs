using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Reading;

/// <summary>The data of one prefetch key after prefetch-or-query.</summary>
/// <param name="Outcome">Which of the four cases applied.</param>
/// <param name="Resource">The resource or Bundle; null for <see cref="FhirReadOutcome.NoData"/> and <see cref="FhirReadOutcome.Unavailable"/>.</param>
/// <param name="Problem">Why it is unavailable (no token, no identifier): safe to log.</param>
public sealed record FhirReadResult(FhirReadOutcome Outcome, Resource? Resource, string? Problem = null)
{
    public static FhirReadResult Unavailable(string problem) => new(FhirReadOutcome.Unavailable, null, problem);

    /// <summary>The resources in the result: a Bundle's entries, or the resource itself.</summary>
    public IEnumerable<T> ResourcesOf<T>()
        where T : Resource => Resource switch
        {
            Bundle bundle => bundle.Entry.Select(e => e.Resource).OfType<T>(),
            T single => [single],
            _ => [],
        };
}
