using System.Collections.Concurrent;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.ReadModel;

/// <summary>The read model's pair histories as <see cref="Eligibility"/> looks them up, one newcomer at a time.</summary>
public readonly struct PairLookup(ConcurrentDictionary<string, PairHistory> byNewcomer) : IPairHistories
{
    public PairHistory Of(string newcomerId) => byNewcomer.GetValueOrDefault(newcomerId, PairHistory.Empty);
}
