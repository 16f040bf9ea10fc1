using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Newcomers.BuildingBlocks.Validation;

/// <summary>Update masks (AIP-134): an empty mask replaces every mutable field.</summary>
public static class Masks
{
    public static Violations UpdateMask(this Violations v, FieldMask? mask, IReadOnlySet<string> mutable, string field = "update_mask")
    {
        if (mask is null) return v;
        for (var i = 0; i < mask.Paths.Count; i++)
        {
            var top = mask.Paths[i].Split('.')[0];
            v.Check(mutable.Contains(top), $"{field}.paths[{i}]", ViolationReasons.NotChangeable, $"not a field that can be changed; one of: {string.Join(", ", mutable.Order())}");
        }
        return v;
    }

    /// <summary>Copies the masked fields (or every mutable field) of the change onto a copy of the current resource.</summary>
    public static T Apply<T>(T current, T change, FieldMask? mask, IReadOnlySet<string> mutable) where T : IMessage<T>, new()
    {
        var paths = mask is { Paths.Count: > 0 } ? mask.Paths : (IEnumerable<string>)mutable;
        var effective = new FieldMask { Paths = { paths } };
        var result = current.Clone();
        effective.Merge(change, result, new FieldMask.MergeOptions { ReplaceMessageFields = true, ReplaceRepeatedFields = true, ReplacePrimitiveFields = true });
        return result;
    }
}
