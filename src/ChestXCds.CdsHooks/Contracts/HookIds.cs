namespace ChestXCds.CdsHooks.Contracts;

/// <summary>The hooks this service answers (hook names from the CDS Hooks hook library).</summary>
public static class HookIds
{
    public const string OrderSign = "order-sign";
    public const string OrderSelect = "order-select";
    public const string PatientView = "patient-view";

    /// <summary>Hooks whose context carries <c>draftOrders</c>.</summary>
    public static bool HasDraftOrders(string? hook) => hook is OrderSign or OrderSelect;
}
