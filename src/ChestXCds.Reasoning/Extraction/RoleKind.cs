namespace ChestXCds.Reasoning.Extraction;

/// <summary>What a matched phrase does in a sentence.</summary>
internal enum RoleKind
{
    NegationPre,
    NegationPost,
    UncertaintyPre,
    UncertaintyPost,
    Hypothetical,
    Pseudo,
    Terminator,
    Temporal,
    Laterality,
    Location,
    Term,
    Anchor,
    Abnormal,
    Normal,
    Exclude,
}

/// <summary>One role of a phrase; Value is the concept id, change, side or location.</summary>
internal readonly record struct PhraseRole(RoleKind Kind, string Value);
