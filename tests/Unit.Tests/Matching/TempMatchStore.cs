using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage;

namespace Newcomers.Unit.Tests.Matching;

/// <summary>The Matching service's store on a real SQLite file in a fresh folder; what it publishes goes nowhere.</summary>
public static class TempMatchStore
{
    public static MatchStore Open() => new(
        new SqliteDocumentStoreFactory(Options.Create(new StorageOptions { DataDirectory = Directory.CreateTempSubdirectory("match-store-").FullName })),
        new Markers(System.Text.Encoding.UTF8.GetBytes("a test's marker key, 32 bytes!!")), new NoBus(), NullLogger<MatchStore>.Instance);

    private sealed class NoBus : IEventBus
    {
        public Task PublishAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
