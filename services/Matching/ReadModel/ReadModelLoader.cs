using System.Diagnostics;
using Newcomers.BuildingBlocks.Api;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Rebuilds the read model before the host starts serving: every newcomer and opportunity from
/// their services, every match from this service's store. Events arriving meanwhile are applied
/// by version, so the order does not matter. Matches stored before the provider index get their entry
/// (<see cref="ProviderIndex"/>). The process is ready (gRPC health SERVING) once loaded.
/// </summary>
public sealed class ReadModelLoader(MatchingReadModel model, IReadModelSource source, MatchStore store, Readiness readiness, ILogger<ReadModelLoader> logger)
    : IHostedService
{
    public const string Work = "rebuilding the matching read model";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // The other services may still be starting: wait for them a while (applying twice is harmless).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await foreach (var newcomer in source.NewcomersAsync(cancellationToken)) model.Apply(newcomer);
                await foreach (var opportunity in source.OpportunitiesAsync(cancellationToken)) model.Apply(opportunity);
                await foreach (var provider in source.ProvidersAsync(cancellationToken)) model.Apply(provider);
                break;
            }
            catch (Grpc.Core.RpcException exception) when (exception.StatusCode == Grpc.Core.StatusCode.Unavailable && attempt < 60)
            {
                logger.LogWarning("The read model's sources are not reachable yet; retrying");
                await Task.Delay(500, cancellationToken);
            }
        }
        var matches = 0;
        await foreach (var match in store.StreamAsync(MatchStore.Matches, cancellationToken: cancellationToken))
        {
            model.Apply(match);
            matches++;
        }
        var indexed = await ProviderIndex.EnsureAsync(store, cancellationToken);
        if (indexed > 0) logger.LogInformation("Indexed {Matches} matches stored before the provider index", indexed);
        readiness.Done(Work);
        logger.LogInformation("Read model loaded in {Milliseconds} ms: {Newcomers} newcomers, {Opportunities} opportunities, {Matches} matches",
            clock.ElapsedMilliseconds, model.NewcomerCount, model.OpportunityCount, matches);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
