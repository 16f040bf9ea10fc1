namespace Newcomers.Matching.Domain;

/// <summary>
/// Where <see cref="Eligibility"/> finds a newcomer's pair history. Implemented by a struct, so the
/// generic check is compiled for it and the lookup inlines: no interface call per candidate.
/// </summary>
public interface IPairHistories
{
    PairHistory Of(string newcomerId);
}
