using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Api;

/// <summary>What ListMatches lists: the matches of one newcomer, one opportunity or one provider, optionally only in some states.</summary>
public sealed class MatchQuery(ListMatchesRequest request)
{
    /// <summary>At most this many states: every MatchState but UNSPECIFIED.</summary>
    public const int MaxStates = 7;

    private const string ExactlyOne = "give exactly one of newcomer_id, opportunity_id and provider_id";
    private readonly HashSet<MatchState> states = [.. request.States];

    /// <summary>What a page token is bound to: the same id and the same states, or another query.</summary>
    public string Key => string.Join('\n', "ListMatches", request.NewcomerId, request.OpportunityId, request.ProviderId, string.Join(',', states.Order()));

    /// <summary>The index the matches are read from, newest first.</summary>
    public IndexEntry Index => request.NewcomerId.Length > 0 ? new("newcomer", request.NewcomerId)
        : request.OpportunityId.Length > 0 ? new("opportunity", request.OpportunityId) : new("provider", request.ProviderId);

    /// <summary>Whether the match is in one of the states asked for (any, if none is).</summary>
    public bool Admits(Match match) => states.Count == 0 || states.Contains(match.State);

    /// <summary>Exactly one id (REQUIRED without one, CONFLICTING_FIELDS on the first of several), and states the enum defines.</summary>
    public Violations Validate(Violations v)
    {
        v.OptionalId(request.NewcomerId, "newcomer_id").OptionalId(request.OpportunityId, "opportunity_id").OptionalId(request.ProviderId, "provider_id");
        var given = new[] { ("newcomer_id", request.NewcomerId), ("opportunity_id", request.OpportunityId), ("provider_id", request.ProviderId) }
            .Where(f => f.Item2.Length > 0).Select(f => f.Item1).ToList();
        v.Check(given.Count > 0, "newcomer_id", ViolationReasons.Required, ExactlyOne)
            .Check(given.Count <= 1, given.FirstOrDefault() ?? "newcomer_id", ViolationReasons.ConflictingFields, ExactlyOne)
            .Check(request.States.Count <= MaxStates, "states", ViolationReasons.TooMany, $"at most {MaxStates} states");
        for (var i = 0; i < request.States.Count && i < MaxStates; i++)
            v.Check(Rules.Defined(request.States[i]), $"states[{i}]", ViolationReasons.InvalidChoice, "a MatchState such as MATCH_STATE_ACCEPTED");
        return v;
    }
}
