using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// A grid cell of opportunity spots, kept in order of kind and occupation code, and cut into
/// blocks of at most <see cref="BlockSize"/> spots (of one kind) with what each holds at best
/// (<see cref="SpotBlock"/>). The blocks are worked out on the first read: a pure function of the
/// immutable spots, so readers that race compute the same and need no lock, and a writer never
/// pays for them.
/// </summary>
public sealed class OpportunityCell : IGridCell<OpportunitySpot, OpportunityCell>
{
    public const int BlockSize = 16;

    private SpotBlock[]? blocks;

    private OpportunityCell(OpportunitySpot[] items, (double, double, double, double) box) => (Items, Box) = (items, box);

    public OpportunitySpot[] Items { get; }

    /// <summary>The blocks, in the order of <see cref="Items"/>, together covering all of it.</summary>
    public SpotBlock[] Blocks => Volatile.Read(ref blocks) ?? Summarise();

    /// <summary>The smallest and largest latitude and longitude of the cell's spots.</summary>
    public (double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude) Box { get; }

    public static OpportunityCell With(OpportunityCell? cell, OpportunitySpot item)
    {
        if (cell is null) return new OpportunityCell([item], (item.Latitude, item.Latitude, item.Longitude, item.Longitude));
        var items = cell.Items;
        // After every spot that orders before it or equal, so that the order stays.
        int low = 0, high = items.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Compare(items[middle], item) <= 0) low = middle + 1;
            else high = middle;
        }
        var kept = new OpportunitySpot[items.Length + 1];
        Array.Copy(items, kept, low);
        kept[low] = item;
        Array.Copy(items, low, kept, low + 1, items.Length - low);
        var box = cell.Box;
        return new OpportunityCell(kept, (Math.Min(box.MinLatitude, item.Latitude), Math.Max(box.MaxLatitude, item.Latitude),
            Math.Min(box.MinLongitude, item.Longitude), Math.Max(box.MaxLongitude, item.Longitude)));
    }

    public static OpportunityCell? Without(OpportunityCell cell, string id)
    {
        var kept = Array.FindAll(cell.Items, other => other.Id != id);
        return kept.Length == 0 ? null
            : new OpportunityCell(kept, (kept.Min(o => o.Latitude), kept.Max(o => o.Latitude), kept.Min(o => o.Longitude), kept.Max(o => o.Longitude)));
    }

    private static int Compare(in OpportunitySpot a, in OpportunitySpot b) =>
        a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Occupation.CompareTo(b.Occupation);

    private SpotBlock[] Summarise()
    {
        var cut = new List<SpotBlock>(Items.Length / BlockSize + 2);
        for (var start = 0; start < Items.Length;)
        {
            var end = start + 1;
            while (end < Items.Length && end - start < BlockSize && Items[end].Kind == Items[start].Kind) end++;
            cut.Add(SpotBlock.Of(Items, start, end - start));
            start = end;
        }
        var made = cut.ToArray();
        Interlocked.CompareExchange(ref blocks, made, null);
        return Volatile.Read(ref blocks)!;
    }
}
