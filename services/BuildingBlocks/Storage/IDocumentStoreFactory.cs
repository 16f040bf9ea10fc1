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
        Directory.CreateDirectory(directory);
        return new SqliteDocumentStore(Path.Combine(directory, $"{service}.db"), options.Value.SynchronousFull);
    }
}
