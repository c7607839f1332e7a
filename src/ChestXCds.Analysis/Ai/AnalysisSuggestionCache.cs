using System.Security.Cryptography;
using System.Text;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Studies;
using ChestXCds.CdsHooks.Contracts;
using ChestXCds.Domain;
using ChestXCds.Fhir.Mapping;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ChestXCds.Analysis.Ai;

/// <summary>The verified analysis of one hook and the resources its suggestion creates (fresh ids).</summary>
public sealed record PreparedSuggestion(StudyAnalysis Analysis, IReadOnlyList<ActionResource> Resources);

/// <summary>
/// Reasoning over the prior reports, mapping to FHIR and serialising the resources, remembered per input.
/// The same image findings, patient, study, order, user and prior report texts give the same analysis and
/// the same resources but for their ids, so a repeated hook (the warm path: a chart reopened, an order
/// re-signed) re-stamps fresh ids into the remembered bytes instead of doing that work again. Anything
/// that changes the outcome is part of the key: a changed or new report text, another order or user.
/// </summary>
public sealed class AnalysisSuggestionCache : IDisposable
{
    private readonly StudyAnalysisAssembler _assembler;
    private readonly IAnalysisMapper _mapper;
    private readonly IOptionsMonitor<AiAnalysisOptions> _options;
    private readonly MemoryCache? _cache;

    public AnalysisSuggestionCache(StudyAnalysisAssembler assembler, IAnalysisMapper mapper, IOptionsMonitor<AiAnalysisOptions> options)
    {
        _assembler = assembler;
        _mapper = mapper;
        _options = options;
        var entries = options.CurrentValue.SuggestionCacheEntries;
        _cache = entries > 0 ? new MemoryCache(new MemoryCacheOptions { SizeLimit = entries }) : null;
    }

    public PreparedSuggestion Prepare(ImageFindings findings, ChestStudy study, PatientContext context)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(context);
        var options = _options.CurrentValue;
        var priors = PriorReportCollector.Before(context.DiagnosticReports, study.Started, options.MaxPriorReports);
        var references = References.Of(context, study);
        if (_cache is null)
        {
            return Build(findings, priors, references).Stamp();
        }

        var key = Key(findings, priors, references);
        var hit = _cache.TryGetValue(key, out Entry? entry) && entry is not null;
        if (!hit)
        {
            entry = Build(findings, priors, references);
            _cache.Set(key, entry, new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(Math.Min(options.CacheMinutes, options.SuggestionCacheMinutes)),
            });
        }

        AnalysisTelemetry.SuggestionCacheLookups.Add(1, new KeyValuePair<string, object?>("hit", hit));
        return entry!.Stamp();
    }

    public void Dispose() => _cache?.Dispose();

    private Entry Build(ImageFindings findings, IReadOnlyList<PriorReport> priors, References references)
    {
        var analysis = _assembler.Assemble(findings, priors);
        var resources = _mapper.Map(analysis, references.ToFhirContext(analysis));
        return new Entry(analysis, SuggestionResourceTemplate.From(resources));
    }

    /// <summary>SHA-256 of every input the analysis and its resources depend on (length-prefixed, so fields cannot run together).</summary>
    private static string Key(ImageFindings findings, IReadOnlyList<PriorReport> priors, References references)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var model = findings.Model;
        foreach (var text in (ReadOnlySpan<string?>)[findings.StudyInstanceUid, findings.SopInstanceUid, model.Name, model.Version, model.Provider, model.Sha256, model.ModelCardSummary,
            references.Patient, references.ImagingStudy, references.ServiceRequest, references.User])
        {
            Append(hash, text);
        }

        Append(hash, findings.AnalyzedAt.UtcTicks);
        foreach (var score in findings.Scores)
        {
            Append(hash, score.FindingId);
            Append(hash, BitConverter.DoubleToInt64Bits(score.Probability));
            Append(hash, BitConverter.DoubleToInt64Bits(score.Threshold));
        }

        Append(hash, priors.Count);
        foreach (var prior in priors)
        {
            Append(hash, prior.Reference);
            Append(hash, prior.Date?.UtcTicks ?? -1);
            Append(hash, prior.Text);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string? text)
    {
        Append(hash, text?.Length ?? -1);
        if (text is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(text));
        }
    }

    private static void Append(IncrementalHash hash, long value)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BitConverter.TryWriteBytes(bytes, value);
        hash.AppendData(bytes);
    }

    private sealed class Entry(StudyAnalysis analysis, SuggestionResourceTemplate template)
    {
        public PreparedSuggestion Stamp() => new(analysis, template.Stamp());
    }

    /// <summary>The hook's references the resources carry.</summary>
    private sealed record References(string Patient, string ImagingStudy, string? ServiceRequest, string? User)
    {
        public static References Of(PatientContext context, ChestStudy study)
        {
            var patientId = context.Request.Context?.PatientId ?? context.Patient?.Id;
            var order = context.ChestImagingOrders.FirstOrDefault(o => !string.IsNullOrEmpty(o.Id));
            var user = context.Request.Context?.UserId;
            return new References(
                $"Patient/{patientId}",
                $"ImagingStudy/{study.Study.Id}",
                order is null ? null : $"ServiceRequest/{order.Id}",
                user is not null && (user.StartsWith("Practitioner/", StringComparison.Ordinal) || user.StartsWith("PractitionerRole/", StringComparison.Ordinal)) ? user : null);
        }

        public AnalysisFhirContext ToFhirContext(StudyAnalysis analysis) => new(
            PatientReference: Patient,
            ImagingStudyReference: ImagingStudy,
            StudyInstanceUid: analysis.StudyInstanceUid,
            Issued: analysis.AnalyzedAt,
            ServiceRequestReference: ServiceRequest,
            UserReference: User,
            EvidenceReportReferences: analysis.EvidenceReports);
    }
}
