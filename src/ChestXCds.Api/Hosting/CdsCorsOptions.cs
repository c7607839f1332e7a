namespace ChestXCds.Api.Hosting;

/// <summary>Cross-origin access for browser-based CDS clients (the CDS Hooks sandbox), section <c>Cors</c>.</summary>
public sealed class CdsCorsOptions
{
    public const string SectionName = "Cors";

    /// <summary>Origins allowed to call from a browser, e.g. <c>https://sandbox.cds-hooks.org</c>; <c>*</c> allows any. Default: none.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may cache a preflight answer, in seconds. Default 600.</summary>
    public int PreflightMaxAgeSeconds { get; set; } = 600;
}
