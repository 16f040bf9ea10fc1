using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Api;

public sealed partial class MatchingApi
{
    private const int MaxMonitoredNewcomers = 100_000;

    /// <summary>
    /// The matches the Profiles service counts for its monitoring figures in the distributed mode (in
    /// the standalone host it reads the store directly); each newcomer named is audited as read for monitoring.
    /// </summary>
    public override async Task StreamNewcomerMatches(StreamNewcomerMatchesRequest request, IServerStreamWriter<Match> responseStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Service);
        var v = new Violations().Count(request.NewcomerIds.Count, "newcomer_ids", MaxMonitoredNewcomers, $"one to {MaxMonitoredNewcomers} newcomer ids");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.NewcomerIds.Count && i < MaxMonitoredNewcomers && !v.Any; i++)
        {
            v.Id(request.NewcomerIds[i], $"newcomer_ids[{i}]");
            v.Check(seen.Add(request.NewcomerIds[i]), $"newcomer_ids[{i}]", ViolationReasons.Duplicate, "each newcomer once");
        }
        v.ThrowIfAny();
        await audit.ReadNewcomersAsync(caller, "StreamNewcomerMatches", request.NewcomerIds, Purposes.Monitoring, context.CancellationToken);
        await foreach (var match in store.MatchesOfAsync(request.NewcomerIds, context.CancellationToken)) await responseStream.WriteAsync(match, context.CancellationToken);
    }
}
