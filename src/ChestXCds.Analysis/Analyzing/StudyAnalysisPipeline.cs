using ChestXCds.Analysis.Caching;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Hooks;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Access;
using ChestXCds.Fhir.Imaging;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// One study's analysis for a hook, one stage after the other: Locate (the study's DICOMweb Endpoint,
/// <see cref="StudyEndpointResolver"/>) → Image (cached findings, or the shared background run,
/// <see cref="AnalysisCoordinator"/>) → Reason and Map (<see cref="SuggestionBuilder"/>, remembered per input in
/// <see cref="SuggestionCache"/>). The study was chosen by the Select stage (<see cref="StudySelector"/>, once per
/// hook in the context). Every wait ends at the hook's <see cref="HookDeadline"/>: an analysis still running then
/// goes on in the background and the hook answers Pending.
/// </summary>
public sealed class StudyAnalysisPipeline(
    StudyEndpointResolver locator,
    AnalysisCoordinator images,
    SuggestionBuilder builder,
    SuggestionCache suggestions,
    ClientAccessPolicy access,
    IOptionsMonitor<AiAnalysisOptions> options)
{
    /// <exception cref="Exception">The image analysis failed (the original exception; the coordinator logged it).</exception>
    public async Task<PipelineResult> AnalyzeAsync(ChestStudy study, PatientContext context, HookDeadline deadline)
    {
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(deadline);
        using var activity = AnalysisTelemetry.Source.StartActivity("chestx.analysis.pipeline");
        if (study.Study.Reference is null)
        {
            return PipelineResult.Unavailable("the latest chest study has no id to reference");
        }

        var location = await locator.ResolveAsync(study.Study, context.FhirServer, deadline.Token).ConfigureAwait(false);
        if (location is null)
        {
            return PipelineResult.Unavailable("the latest chest study has no Study Instance UID");
        }

        if (location.WadoRsAddress is { } address && !access.AllowsImagingEndpoint(context.Client, address))
        {
            // Never contacted: the Endpoint is outside this client's AllowedImagingEndpoints (SSRF, token leakage).
            return PipelineResult.ImagingNotAllowed("the study's DICOMweb Endpoint is not allowed for this client");
        }

        var ticket = await images.GetOrStartAsync(location, AnalysisScope.Of(context.Client, location), context.FhirServer?.BearerToken, deadline.Token).ConfigureAwait(false);
        if (ticket.Busy)
        {
            return PipelineResult.Pending;
        }

        var settings = options.CurrentValue;
        var wait = TimeSpan.FromMilliseconds(Math.Min(deadline.Remaining.TotalMilliseconds, settings.MaxAnalysisWaitMilliseconds));
        var findings = await ticket.WaitAsync(wait, deadline.RequestAborted).ConfigureAwait(false);
        if (findings is null)
        {
            return PipelineResult.Pending;
        }

        var inputs = SuggestionInputs.Of(findings, study, context, settings.MaxPriorReports);
        var digest = inputs.Digest();
        return PipelineResult.Ready(suggestions.GetOrBuild(digest, () => builder.Build(inputs, digest)));
    }
}
