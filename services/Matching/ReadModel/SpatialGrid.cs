using System.Collections.Concurrent;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// A grid of cells about 5.5 km square. Readers never lock: each cell is immutable
/// (<see cref="IGridCell{TItem, TCell}"/>), replaced whole by a writer (writers serialise on the
/// grid). A query visits only the cells that a circle around the point touches.
/// </summary>
public sealed class SpatialGrid<TItem, TCell> where TItem : ILocated where TCell : class, IGridCell<TItem, TCell>
{
    private const double CellLatitude = 0.05;
    private const double CellLongitude = 0.08;
    private readonly ConcurrentDictionary<long, TCell> cells = new();
    private readonly Lock writeLock = new();

    public void Add(TItem item)
    {
        lock (writeLock)
        {
            var key = KeyOf(item.Latitude, item.Longitude);
            cells[key] = TCell.With(cells.GetValueOrDefault(key), item);
        }
    }

    public void Remove(TItem item)
    {
        lock (writeLock)
        {
            var key = KeyOf(item.Latitude, item.Longitude);
            if (!cells.TryGetValue(key, out var cell)) return;
            if (TCell.Without(cell, item.Id) is { } kept) cells[key] = kept;
            else cells.TryRemove(key, out _);
        }
    }

    /// <summary>Adds to the list the cells a circle of the given radius around the point touches.</summary>
    public void CellsNear(double latitude, double longitude, double radiusKm, List<TCell> into)
    {
        var dLat = radiusKm / Geo.KmPerDegreeLatitude;
        // Near the poles a degree of longitude shrinks to nothing; never look wider than the globe.
        var dLon = Math.Min(180, radiusKm / Math.Max(1e-6, Geo.KmPerDegreeLongitude(latitude)));
        int minRow = Row(latitude - dLat), maxRow = Row(latitude + dLat);
        int minColumn = Column(longitude - dLon), maxColumn = Column(longitude + dLon);
        for (var row = minRow; row <= maxRow; row++)
            for (var column = minColumn; column <= maxColumn; column++)
                if (cells.TryGetValue(Key(row, column), out var cell)) into.Add(cell);
    }

    private static int Row(double latitude) => (int)Math.Floor(latitude / CellLatitude);
    private static int Column(double longitude) => (int)Math.Floor(longitude / CellLongitude);
    private static long Key(int row, int column) => (long)row << 32 | (uint)column;
    private static long KeyOf(double latitude, double longitude) => Key(Row(latitude), Column(longitude));
}
