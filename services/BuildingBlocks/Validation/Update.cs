using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Newcomers.BuildingBlocks.Validation;

/// <summary>
/// The update of a resource with a field mask (AIP-134) and optimistic concurrency, the same for
/// every resource: the request carries the resource with its id, the version the change is based
/// on, and a mask of fields that may change; the masked fields are copied onto the current
/// resource, and the result must be valid as a whole.
/// </summary>
public sealed class Update<T>(string resource, IReadOnlySet<string> mutable, Action<T, string, Violations> validate, Func<T, string> id, Func<T, long> version)
    where T : class, IMessage<T>, new()
{
    /// <summary>Checks the request before anything is read: INVALID_ARGUMENT naming every bad field.</summary>
    public void CheckRequest(T? change, FieldMask? mask)
    {
        var v = new Violations();
        if (change is null) v.Add(resource, ViolationReasons.Required, "required");
        else v.Id(id(change), $"{resource}.id").Check(version(change) > 0, $"{resource}.version", ViolationReasons.VersionRequired, "required: the version this change is based on");
        v.UpdateMask(mask, mutable).ThrowIfAny();
    }

    /// <summary>The current resource with the change applied: ABORTED for a change based on another version, INVALID_ARGUMENT for an invalid result.</summary>
    /// <param name="current">The resource as stored.</param>
    /// <param name="change">The request's resource.</param>
    /// <param name="mask">The request's update mask.</param>
    /// <param name="found">Violations the caller found before (such as a value it looked up in vain), reported with those of the result.</param>
    public T Apply(T current, T change, FieldMask? mask, Violations? found = null)
    {
        if (version(current) != version(change)) throw Errors.Aborted(resource, id(current), version(current));
        var updated = Masks.Apply(current, change, mask, mutable);
        var check = found ?? new Violations();
        validate(updated, resource, check);
        check.ThrowIfAny();
        return updated;
    }
}
