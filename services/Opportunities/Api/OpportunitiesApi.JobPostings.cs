using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Domain;
using Newcomers.Opportunities.JobPostings;
using Newcomers.Opportunities.Storage;

namespace Newcomers.Opportunities.Api;

/// <summary>
/// schema.org JobPosting in JSON-LD, out and in. An import is a feed of one item keyed by the posting's
/// identifier (<see cref="FeedPlan"/> in PARTIAL mode): new for the provider, it is created; known, it is
/// updated, or left as it is when nothing differs.
/// </summary>
public sealed partial class OpportunitiesApi
{
    private const int MaxJobPostingLength = 64 * 1024;

    public override async Task<JobPosting> ExportJobPosting(ExportJobPostingRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Records);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        return new JobPosting { JsonLd = JobPostingWriter.Write(await LoadAsync(request.Id, context.CancellationToken)) };
    }

    public override async Task<Opportunity> ImportJobPosting(ImportJobPostingRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        var cancellationToken = context.CancellationToken;
        var v = new Violations().Id(request.ProviderId, "provider_id")
            .Check(request.JsonLd.Length is > 0 and <= MaxJobPostingLength, "json_ld", ViolationReasons.OutOfRange, $"a JobPosting of 1 to {MaxJobPostingLength} characters");
        v.ThrowIfAny();
        await RequireManagerAsync(caller, request.ProviderId, cancellationToken);
        var item = JobPostingReader.Read(request.JsonLd, v);
        v.ThrowIfAny();

        var stored = new Dictionary<string, Opportunity>(StringComparer.Ordinal);
        await foreach (var opportunity in store.StreamAsync(OpportunityStore.Opportunities, new IndexEntry("provider", request.ProviderId), cancellationToken))
            if (opportunity.ExternalId == item.ExternalId) stored[opportunity.ExternalId] = opportunity;
        var plan = FeedPlan.Of(request.ProviderId, SyncMode.Partial, [item], stored, clock.Now());
        foreach (var violation in plan.Response.RejectedItems.SelectMany(r => r.Violations))
            v.Add(violation.Field == "external_id" ? "jobPosting.identifier" : $"opportunity.{violation.Field}", violation.Reason, violation.Description);
        v.ThrowIfAny();
        await WriteFeedAsync(request.ProviderId, plan, cancellationToken);
        return plan.Writes.Count > 0 ? plan.Writes[0].Opportunity : stored[item.ExternalId];
    }
}
