namespace Newcomers.Benchmarks;

/// <summary>Seconds each bulk call took and what it replaces took (<see cref="BulkFeeds"/>), and the size of the CSV file imported.</summary>
public sealed record BulkFigures(double BatchCreate, double FirstSync, double Resync, double Creates, double Import, long CsvBytes);
