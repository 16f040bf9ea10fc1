using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Fairness;

/// <summary>
/// Where the fairness report gets the protected attributes, which the Profiles service alone keeps:
/// its store in the same process (the standalone host), or its StreamProtectedAttributesForAudit RPC
/// (the distributed mode). Either way the read is audited there, as the matching service's, with the
/// reason given. What comes back is joined in memory and never stored.
/// </summary>
public interface IProtectedAttributeSource
{
    /// <summary>The attributes of every newcomer who consented to fairness audits, by newcomer id.</summary>
    Task<IReadOnlyDictionary<string, ProtectedAttributes>> ForAuditAsync(string reason, CancellationToken cancellationToken);
}
