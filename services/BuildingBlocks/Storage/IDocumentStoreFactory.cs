using Microsoft.Extensions.Options;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Opens the store of one service by name; no service opens another's.</summary>
public interface IDocumentStoreFactory
{
    IDocumentStore Open(string service);
}

public sealed class SqliteDocumentStoreFactory(IOptions<StorageOptions> options) : IDocumentStoreFactory
{
    public IDocumentStore Open(string service)
    {
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        // Names and case notes stand in these files: only the service's own user may read them.
        if (!OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        else
        {
            Directory.CreateDirectory(directory);
        }
        return new SqliteDocumentStore(Path.Combine(directory, $"{service}.db"), options.Value.SynchronousFull);
    }
}
