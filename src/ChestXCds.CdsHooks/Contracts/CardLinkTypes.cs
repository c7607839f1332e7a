namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The values of <see cref="CardLink.Type"/>.</summary>
public static class CardLinkTypes
{
    public const string Absolute = "absolute";
    public const string Smart = "smart";
}
