using System.Security.Cryptography;
using System.Text;
using ChestXCds.Analysis.Context;
using ChestXCds.Analysis.Studies;
using ChestXCds.Domain;

namespace ChestXCds.Analysis.Analyzing;

/// <summary>
/// Every input the Reason and Map stages depend on: the image findings, the prior reports, and the hook's references
/// the resources carry. <see cref="Digest"/> names them: the same digest means the same analysis and resources.
/// </summary>
public sealed record SuggestionInputs(
    string Client,
    ImageFindings Findings,
    IReadOnlyList<PriorReport> Priors,
    string PatientReference,
    string ImagingStudyReference,
    string? ServiceRequestReference,
    string? UserReference)
{
    public static SuggestionInputs Of(ImageFindings findings, ChestStudy study, PatientContext context, int maxPriorReports)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(study);
        ArgumentNullException.ThrowIfNull(context);
        var order = context.ChestImagingOrders.FirstOrDefault(o => o.Id is not null);
        var user = context.Request.Context?.UserId;
        return new SuggestionInputs(
            context.Client,
            findings,
            PriorReportCollector.Before(context.Reports, study.Started, maxPriorReports),
            "Patient/" + context.PatientId,
            study.Study.Reference ?? throw new ArgumentException("The study has no id to reference.", nameof(study)),
            order?.Reference,
            user is not null && (user.StartsWith("Practitioner/", StringComparison.Ordinal) || user.StartsWith("PractitionerRole/", StringComparison.Ordinal)) ? user : null);
    }

    /// <summary>SHA-256 of every input, hex (length-prefixed fields, so they cannot run together).</summary>
    public string Digest()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var model = Findings.Model;
        foreach (var text in (ReadOnlySpan<string?>)[Client, Findings.StudyInstanceUid, Findings.SopInstanceUid, model.Name, model.Version, model.Provider, model.Sha256, model.ModelCardSummary,
            PatientReference, ImagingStudyReference, ServiceRequestReference, UserReference])
        {
            Append(hash, text);
        }

        Append(hash, Findings.AnalyzedAt.UtcTicks);
        foreach (var score in Findings.Scores)
        {
            Append(hash, score.FindingId);
            Append(hash, BitConverter.DoubleToInt64Bits(score.Probability));
            Append(hash, BitConverter.DoubleToInt64Bits(score.Threshold));
        }

        Append(hash, Priors.Count);
        foreach (var prior in Priors)
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
}
