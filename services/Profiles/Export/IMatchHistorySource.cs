using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Export;

/// <summary>
/// Where ExportNewcomer gets what the matching service holds about a newcomer: the matching service
/// in the same process (the standalone host), or its ExportNewcomerMatches RPC (the distributed mode).
/// </summary>
public interface IMatchHistorySource
{
    Task<NewcomerMatchHistory> OfAsync(string newcomerId, CancellationToken cancellationToken);
}
