using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Api;

/// <summary>The fairness report of the rankers (<see cref="Learning.FairnessReporter"/>).</summary>
public sealed partial class MatchingApi
{
    /// <summary>
    /// Admins only: the report covers the newcomers of every municipality, so policy staff, who see the
    /// figures of their own municipalities, do not get it (docs/security.md).
    /// </summary>
    public override async Task<FairnessReport> GetFairnessReport(GetFairnessReportRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin);
        new Violations().OptionalId(request.Ranker, "ranker").ThrowIfAny();
        return await fairness.ReportAsync(request.Ranker.Length == 0 ? null : request.Ranker, caller.Subject, context.CancellationToken);
    }
}
