using System.Collections.Concurrent;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// A grid of cells about 5.5 km square. Readers never lock: each cell is an immutable array,
/// replaced whole by a writer (writers serialise on the grid). A query visits only the cells
/// that a circle around the point touches.
/// </summary>
public sealed class SpatialGrid<T> where T : ILocated
{
    private const double CellLatitude = 0.05;
    private const double CellLongitude = 0.08;
    private readonly ConcurrentDictionary<long, T[]> cells = new();
    private readonly Lock writeLock = new();

    public void Add(T item)
    {
        lock (writeLock)
        {
            var key = KeyOf(item.Latitude, item.Longitude);
            cells[key] = cells.TryGetValue(key, out var cell) ? [.. cell, item] : [item];
        }
    }

    public void Remove(T item)
    {
        lock (writeLock)
        {
            var key = KeyOf(item.Latitude, item.Longitude);
            if (!cells.TryGetValue(key, out var cell)) return;
            var kept = Array.FindAll(cell, other => other.Id != item.Id);
            if (kept.Length == 0) cells.TryRemove(key, out _);
            else cells[key] = kept;
        }
    }

    /// <summary>Adds to the list the cells a circle of the given radius around the point touches.</summary>
    public void CellsNear(double latitude, double longitude, double radiusKm, List<T[]> into)
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
