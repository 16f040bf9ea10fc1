using Microsoft.Extensions.Options;

namespace Newcomers.BuildingBlocks.Storage;

public sealed class SqliteDocumentStoreFactory(IOptions<StorageOptions> options) : IDocumentStoreFactory
{
    public IDocumentStore Open(string service)
    {
        var directory = Path.GetFullPath(options.Value.DataDirectory);
        OwnerOnly.Directory(directory);
        return new SqliteDocumentStore(Path.Combine(directory, $"{service}.db"), options.Value.SynchronousFull);
    }
}
