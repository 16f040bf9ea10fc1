using Microsoft.Extensions.Options;

namespace Newcomers.BuildingBlocks.Storage;

/// <summary>Opens the store of one service by name; no service opens another's.</summary>
public interface IDocumentStoreFactory
{
    IDocumentStore Open(string service);
}
