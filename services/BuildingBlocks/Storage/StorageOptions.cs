namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Where and how the services store their data (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder of the SQLite files, one per service. Created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// FULL makes every acknowledged commit survive a power loss (an fsync per commit); NORMAL
    /// survives a crash of the process but may lose the last commits on a power loss.
    /// </summary>
    public bool SynchronousFull { get; set; } = true;
}
