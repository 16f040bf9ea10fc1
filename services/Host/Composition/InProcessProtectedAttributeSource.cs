using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Fairness;
using Newcomers.Profiles.Fairness;

namespace Newcomers.Host.Composition;

/// <summary>
/// Standalone only: the fairness report reads the Profiles service of this process directly, as the
/// distributed mode asks StreamProtectedAttributesForAudit with the matching service's token; audited
/// the same way, as read by the matching service.
/// </summary>
public sealed class InProcessProtectedAttributeSource(AttributesForAudit audit) : IProtectedAttributeSource
{
    private static readonly Caller MatchingService = new("matching", Roles.Service, new HashSet<string>(), new HashSet<string>(), "");

    public async Task<IReadOnlyDictionary<string, ProtectedAttributes>> ForAuditAsync(string reason, CancellationToken cancellationToken) =>
        (await audit.ReadAsync(MatchingService, reason, cancellationToken)).ToDictionary(a => a.NewcomerId, StringComparer.Ordinal);
}
