namespace Newcomers.BuildingBlocks.Audit;

/// <summary>Audit settings (section "Audit").</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>
    /// Whether an answer waits until its audit entry is committed (the default, and the only safe
    /// setting). False queues entries as before, which a crash of the process can lose: only the
    /// benchmark sets it, to measure what the durable audit costs.
    /// </summary>
    public bool WaitForCommit { get; set; } = true;
}
