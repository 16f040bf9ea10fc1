using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>A plain cell: its items in the order they were added.</summary>
public sealed class GridCell<T>(T[] items) : IGridCell<T, GridCell<T>> where T : ILocated
{
    public T[] Items { get; } = items;

    static GridCell<T> IGridCell<T, GridCell<T>>.With(GridCell<T>? cell, T item) => new(cell is null ? [item] : [.. cell.Items, item]);

    static GridCell<T>? IGridCell<T, GridCell<T>>.Without(GridCell<T> cell, string id)
    {
        var kept = Array.FindAll(cell.Items, other => other.Id != id);
        return kept.Length == 0 ? null : new GridCell<T>(kept);
    }
}
