namespace Newcomers.BuildingBlocks.Storage;

/// <summary>
/// Names and case notes stand in the data files: only the service's own user may read them. The
/// data directory is 0700 and every database file 0600, created so or narrowed when older.
/// </summary>
public static class OwnerOnly
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void Directory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(path);
            return;
        }
        System.IO.Directory.CreateDirectory(path, DirectoryMode);
        System.IO.File.SetUnixFileMode(path, DirectoryMode);
    }

    /// <summary>The file (created empty when missing) and its SQLite companions; SQLite gives -wal and -shm the mode of the database file.</summary>
    public static void File(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!System.IO.File.Exists(path))
            new FileStream(path, new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = FileMode }).Dispose();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            if (System.IO.File.Exists(file)) System.IO.File.SetUnixFileMode(file, FileMode);
    }
}
