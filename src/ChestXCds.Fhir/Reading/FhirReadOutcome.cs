namespace ChestXCds.Fhir.Reading;

/// <summary>Where a prefetch key's data came from (CDS Hooks 2.0 §Prefetch: the four cases).</summary>
public enum FhirReadOutcome
{
    /// <summary>The client prefetched it.</summary>
    Prefetched,

    /// <summary>The key was absent or failed and the service read it from fhirServer.</summary>
    Queried,

    /// <summary>The client sent <c>null</c>: it has no data for this key. Not queried.</summary>
    NoData,

    /// <summary>Neither the prefetch nor a query gave the data.</summary>
    Unavailable,
}
