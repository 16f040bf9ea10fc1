using Newcomers.BuildingBlocks.Domain;

namespace Newcomers.Profiles.Monitoring;

/// <summary>Profiles:Monitoring in the configuration.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Profiles:Monitoring";

    /// <summary>The smallest group the figures show; a value below 5 counts as 5 (<see cref="SmallCells.Floor"/>).</summary>
    public int MinimumGroupSize { get; set; } = SmallCells.Floor;
}
