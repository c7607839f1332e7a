namespace ChestXCds.CdsHooks.Contracts;

/// <summary>Where a card comes from (CDS Hooks 2.0 §Source).</summary>
/// <param name="Label">Short name shown to the user.</param>
/// <param name="Topic">A stable code per card type, used by clients for analytics and feedback.</param>
/// <param name="Url">A page about the source.</param>
public sealed record CardSource(string Label, Coding? Topic = null, string? Url = null);
