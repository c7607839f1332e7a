using ChestXCds.Domain.Records;
using Hl7.Fhir.Model;

namespace ChestXCds.Fhir.Translation;

/// <summary>Draft orders (context.draftOrders, a Bundle) → <see cref="OrderRecord"/>s.</summary>
public static class OrderRecords
{
    public static OrderRecord From(Resource resource)
    {
        ArgumentNullException.ThrowIfNull(resource);
        var code = resource is ServiceRequest request ? request.Code : null;
        return new OrderRecord(
            resource.TypeName,
            string.IsNullOrWhiteSpace(resource.Id) ? null : resource.Id,
            code?.Coding.Select(Codes.Of).ToList() ?? [],
            Codes.FirstText(code?.Text, code?.Coding.FirstOrDefault(c => !string.IsNullOrWhiteSpace(c.Display))?.Display));
    }

    /// <summary>The orders in a draftOrders Bundle; empty when it is not one.</summary>
    public static IReadOnlyList<OrderRecord> FromBundle(Resource? draftOrders) =>
        draftOrders is Bundle bundle ? bundle.Entry.Select(e => e.Resource).OfType<Resource>().Select(From).ToList() : [];
}
