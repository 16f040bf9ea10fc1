namespace Newcomers.Matching.ReadModel;

/// <summary>
/// One cell of a <see cref="SpatialGrid{TItem, TCell}"/>: immutable, replaced whole by a writer, so
/// readers never lock. The cell decides how its items are kept (their order, what it summarises).
/// </summary>
public interface IGridCell<TItem, TCell> where TCell : class, IGridCell<TItem, TCell>
{
    /// <summary>The items in the cell.</summary>
    TItem[] Items { get; }

    /// <summary>A new cell with the item added (<paramref name="cell"/> null when the cell was empty).</summary>
    static abstract TCell With(TCell? cell, TItem item);

    /// <summary>A new cell without the item of the id, or null when none is left.</summary>
    static abstract TCell? Without(TCell cell, string id);
}
