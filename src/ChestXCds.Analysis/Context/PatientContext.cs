using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Fhir.Reading;
using Hl7.Fhir.Model;

namespace ChestXCds.Analysis.Context;

/// <summary>What a hook knows about the patient once prefetch-or-query is done. Holds PHI: never log it.</summary>
public sealed record PatientContext
{
    /// <summary>The service that was called.</summary>
    public required CdsServiceDescriptor Service { get; init; }

    /// <summary>The validated request.</summary>
    public required CdsHookRequest Request { get; init; }

    /// <summary>fhirServer and token, when the client gave them (issue 6 reuses them for DICOMweb where a deployment allows).</summary>
    public FhirServerAccess? FhirServer { get; init; }

    /// <summary>The patient, when prefetched or read (null when the client said it has none).</summary>
    public Patient? Patient { get; init; }

    /// <summary>Every draft order of order-sign/order-select (empty for patient-view).</summary>
    public IReadOnlyList<Resource> DraftOrders { get; init; } = [];

    /// <summary>The draft orders that are chest imaging orders; for order-select only those in <c>selections</c>.</summary>
    public IReadOnlyList<ServiceRequest> ChestImagingOrders { get; init; } = [];

    /// <summary>The patient's ImagingStudies (as prefetched or queried, newest first when the server sorted).</summary>
    public IReadOnlyList<ImagingStudy> ImagingStudies { get; init; } = [];

    /// <summary>The patient's DiagnosticReports.</summary>
    public IReadOnlyList<DiagnosticReport> DiagnosticReports { get; init; } = [];

    /// <summary>Where each prefetch key's data came from, for telemetry.</summary>
    public IReadOnlyDictionary<string, FhirReadOutcome> Sources { get; init; } = new Dictionary<string, FhirReadOutcome>();

    /// <summary>When the hook is evaluated.</summary>
    public required DateTimeOffset Now { get; init; }
}
