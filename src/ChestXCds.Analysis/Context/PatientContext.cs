using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Domain.Records;
using ChestXCds.Fhir.Reading;

namespace ChestXCds.Analysis.Context;

/// <summary>What a hook knows about the patient once prefetch-or-query is done, as ChestXCds.Fhir read it. Holds PHI: never log it.</summary>
public sealed record PatientContext
{
    /// <summary>The service that was called.</summary>
    public required CdsServiceDescriptor Service { get; init; }

    /// <summary>The validated request.</summary>
    public required CdsHookRequest Request { get; init; }

    /// <summary>The calling CDS client (its JWT issuer): every shared analysis result is scoped to it.</summary>
    public required string Client { get; init; }

    /// <summary>context.patientId.</summary>
    public required string PatientId { get; init; }

    /// <summary>fhirServer and token, when the client gave them.</summary>
    public FhirServerAccess? FhirServer { get; init; }

    /// <summary>Every draft order of order-sign/order-select (empty for patient-view).</summary>
    public IReadOnlyList<OrderRecord> DraftOrders { get; init; } = [];

    /// <summary>The draft orders that are chest imaging orders; for order-select only those in <c>selections</c>.</summary>
    public IReadOnlyList<OrderRecord> ChestImagingOrders { get; init; } = [];

    /// <summary>The patient's ImagingStudies.</summary>
    public IReadOnlyList<StudyRecord> Studies { get; init; } = [];

    /// <summary>The patient's DiagnosticReports.</summary>
    public IReadOnlyList<ReportRecord> Reports { get; init; } = [];

    /// <summary>
    /// The patient's chest radiographs with their reports, newest first, chosen once per hook by <see cref="StudySelector"/>
    /// within the longest look-back any card uses; each card source narrows to its own window.
    /// </summary>
    public IReadOnlyList<ChestStudy> ChestStudies { get; init; } = [];

    /// <summary>When the hook is evaluated.</summary>
    public required DateTimeOffset Now { get; init; }

    /// <summary>The chest radiographs started within <paramref name="window"/> before <see cref="Now"/>, newest first.</summary>
    public IReadOnlyList<ChestStudy> ChestStudiesWithin(TimeSpan window) =>
        ChestStudies.Where(s => s.Started >= Now - window).ToList();
}
