using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;
using Newcomers.Profiles.Export;

namespace Newcomers.Host.Composition;

/// <summary>Standalone only: ExportNewcomer reads the matching service of this process directly, as the distributed mode asks it over gRPC.</summary>
public sealed class InProcessMatchHistorySource(MatchHistoryExport export) : IMatchHistorySource
{
    public Task<NewcomerMatchHistory> OfAsync(string newcomerId, CancellationToken cancellationToken) => export.OfAsync(newcomerId, cancellationToken);
}
