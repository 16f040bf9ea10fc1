namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Generated ids: time-ordered (so id order is creation order) and unique.</summary>
public static class Ids
{
    public static string New() =>
        DateTime.UtcNow.Ticks.ToString("x15", System.Globalization.CultureInfo.InvariantCulture) + Guid.NewGuid().ToString("N")[..12];
}
