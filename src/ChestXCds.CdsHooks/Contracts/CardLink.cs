namespace ChestXCds.CdsHooks.Contracts;

/// <summary>A link on a card (CDS Hooks 2.0 §Link).</summary>
/// <param name="Label">Text of the link.</param>
/// <param name="Url">Absolute URL (an app launch URL for smart links).</param>
/// <param name="Type"><see cref="CardLinkTypes.Absolute"/> or <see cref="CardLinkTypes.Smart"/>.</param>
/// <param name="AppContext">Passed to a SMART app at launch; only on smart links.</param>
public sealed record CardLink(string Label, string Url, string Type, string? AppContext = null);
