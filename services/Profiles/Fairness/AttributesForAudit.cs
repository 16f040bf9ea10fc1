using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Fairness;

/// <summary>
/// The one home of reading protected attributes for a fairness audit: those of newcomers who
/// consented (consent.fairness_audit), in id order, each read on record (purpose "fairness audit:
/// reason") before any is given. Used by StreamProtectedAttributesForAudit, and in the standalone
/// host by the matching service of the same process.
/// </summary>
public sealed class AttributesForAudit(ProfileStore store, AuditTrail audit)
{
    public const string Action = "StreamProtectedAttributesForAudit";

    public async Task<IReadOnlyList<ProtectedAttributes>> ReadAsync(Caller caller, string reason, CancellationToken cancellationToken)
    {
        var consented = new List<ProtectedAttributes>();
        await foreach (var attributes in store.StreamAsync(ProfileStore.ProtectedAttributes, cancellationToken: cancellationToken))
        {
            // Withdrawing the consent deletes the attributes in the same commit; the newcomer is read too, so a stray one is never given.
            var newcomer = await store.GetAsync(ProfileStore.Newcomers, attributes.NewcomerId, cancellationToken);
            if (newcomer?.Consent is { FairnessAudit: true }) consented.Add(attributes);
        }
        consented.Sort((a, b) => string.CompareOrdinal(a.NewcomerId, b.NewcomerId));
        await audit.ReadNewcomersAsync(caller, Action, consented.Select(a => a.NewcomerId), $"{Purposes.FairnessAudit}: {reason}", cancellationToken);
        return consented;
    }
}
