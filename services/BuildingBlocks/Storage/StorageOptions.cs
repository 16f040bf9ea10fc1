namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Where and how the services store their data (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"sqlite" (the default: files under DataDirectory) or "redis" (keys under a prefix per service in one Redis database).</summary>
    public string Kind { get; set; } = "sqlite";

    /// <summary>With Kind "redis": the StackExchange.Redis configuration string ("host:port,password=…").</summary>
    public string Redis { get; set; } = "";

    /// <summary>Folder of the SQLite files, one per service. Created when missing.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// FULL makes every acknowledged commit survive a power loss (an fsync per commit); NORMAL
    /// survives a crash of the process but may lose the last commits on a power loss.
    /// </summary>
    public bool SynchronousFull { get; set; } = true;
}
