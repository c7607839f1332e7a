namespace ChestXCds.Reasoning.Extraction;

/// <summary>A phrase matched at tokens [From, To) in clause <see cref="Clause"/> of a sentence.</summary>
internal readonly record struct PhraseMatch(Phrase Phrase, int From, int To, int Clause)
{
    public bool Has(RoleKind kind)
    {
        foreach (var r in Phrase.Roles)
        {
            if (r.Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    public bool Has(RoleKind kind, string value)
    {
        foreach (var r in Phrase.Roles)
        {
            if (r.Kind == kind && string.Equals(r.Value, value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public string? Value(RoleKind kind)
    {
        foreach (var r in Phrase.Roles)
        {
            if (r.Kind == kind)
            {
                return r.Value;
            }
        }

        return null;
    }
}
