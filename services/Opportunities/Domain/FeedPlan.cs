using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Opportunities.Domain;

/// <summary>
/// What a feed does to one provider's stored opportunities, keyed by external_id: which items are new,
/// which changed, which are as stored (and so are not written), which stored ones a full feed closes, and
/// which items are rejected and why. It only decides; the API writes.
/// </summary>
public sealed class FeedPlan
{
    /// <summary>The most rejected items a response lists; the count goes on beyond it.</summary>
    public const int MaxRejectionsListed = 1000;

    /// <summary>New opportunities (expected version 0, no id yet) and new versions of stored ones, in feed order, closes last.</summary>
    public List<(Opportunity Opportunity, long ExpectedVersion)> Writes { get; } = [];

    /// <summary>The counts and the rejected items, as the response carries them.</summary>
    public SyncOpportunitiesResponse Response { get; } = new();

    /// <summary>Plans the feed against the provider's stored feed items (those with an external_id), by external_id.</summary>
    public static FeedPlan Of(string providerId, SyncMode mode, IReadOnlyList<Opportunity> items, IReadOnlyDictionary<string, Opportunity> stored, Timestamp now)
    {
        var plan = new FeedPlan();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = Normalised(items[i], providerId);
            stored.TryGetValue(item.ExternalId, out var current);
            var v = Check(items[i], item, current, seen);
            if (v.Any)
            {
                plan.Reject(i, items[i].ExternalId, v);
                continue;
            }
            if (current is null)
            {
                item.CreateTime = item.UpdateTime = now;
                plan.Writes.Add((item, 0));
                plan.Response.Created++;
                continue;
            }
            item.Id = current.Id;
            item.Version = current.Version;
            item.CreateTime = current.CreateTime;
            item.UpdateTime = current.UpdateTime;
            if (item.Equals(current))
            {
                plan.Response.Unchanged++;
                continue;
            }
            item.UpdateTime = now;
            plan.Writes.Add((item, current.Version));
            plan.Response.Changed++;
        }
        if (mode == SyncMode.Full) plan.CloseMissing(stored, seen, now);
        return plan;
    }

    /// <summary>The item as it would be stored: the header's provider, OPEN unless it says CLOSED, without what the service sets.</summary>
    private static Opportunity Normalised(Opportunity sent, string providerId)
    {
        var item = sent.Clone();
        item.ProviderId = providerId;
        item.Id = "";
        item.Version = 0;
        item.CreateTime = item.UpdateTime = null;
        if (item.Status == OpportunityStatus.Unspecified) item.Status = OpportunityStatus.Open;
        return item;
    }

    /// <summary>The rules of CreateOpportunity, plus the feed's own: an external_id once per feed, the header's provider, a kind that stays.</summary>
    private static Violations Check(Opportunity sent, Opportunity item, Opportunity? current, HashSet<string> seen)
    {
        var v = new Violations().ExternalId(sent.ExternalId, "item.external_id");
        if (!v.Any) v.Check(seen.Add(sent.ExternalId), "item.external_id", ViolationReasons.Duplicate, "each external_id once in a feed");
        v.Check(sent.ProviderId.Length == 0 || sent.ProviderId == item.ProviderId, "item.provider_id", ViolationReasons.NotAllowed,
            "empty, or the provider_id of the header");
        OpportunityRules.Validate(item, "item", v);
        v.Check(current is null || current.Kind == item.Kind, "item.kind", ViolationReasons.NotAllowed,
            "an item keeps its kind: close it and send the new kind under another external_id");
        return v;
    }

    private void Reject(int index, string externalId, Violations v)
    {
        Response.Rejected++;
        if (Response.RejectedItems.Count == MaxRejectionsListed)
        {
            Response.RejectionsTruncated = true;
            return;
        }
        var rejected = new RejectedItem { Index = index, ExternalId = externalId };
        foreach (var violation in v.All)
            rejected.Violations.Add(new ItemViolation { Field = violation.Field["item.".Length..], Reason = violation.Reason, Description = violation.Description });
        Response.RejectedItems.Add(rejected);
    }

    /// <summary>Closes the stored open feed items the feed does not hold. An item that was sent but rejected counts as held: a typo closes nothing.</summary>
    private void CloseMissing(IReadOnlyDictionary<string, Opportunity> stored, HashSet<string> seen, Timestamp now)
    {
        foreach (var (externalId, current) in stored.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (seen.Contains(externalId) || current.Status == OpportunityStatus.Closed) continue;
            var closed = current.Clone();
            closed.Status = OpportunityStatus.Closed;
            closed.UpdateTime = now;
            Writes.Add((closed, current.Version));
            Response.Closed++;
        }
    }
}
