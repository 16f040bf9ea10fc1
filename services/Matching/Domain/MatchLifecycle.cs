using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The states of a match: PROPOSED → ACCEPTED (both sides) or DECLINED → STARTED → COMPLETED or
/// ENDED. An illegal step fails with FAILED_PRECONDITION and changes nothing.
/// </summary>
public static class MatchLifecycle
{
    // The one home of what a state means; the read model, the store and the answers all ask here.

    /// <summary>Proposed, accepted or started: the pair holds its open-pair key and cannot be proposed again.</summary>
    public static bool IsOpen(MatchState state) => state is MatchState.Proposed or MatchState.Accepted or MatchState.Started;

    /// <summary>Accepted or started: the match takes one of the opportunity's places.</summary>
    public static bool TakesPlace(MatchState state) => state is MatchState.Accepted or MatchState.Started;

    /// <summary>An answer; a decline keeps who declined, its code and its words.</summary>
    public static void Respond(Match m, Party party, bool accept, EndReason code, string reason, Timestamp now)
    {
        if (m.State != MatchState.Proposed)
            throw Illegal(m, accept ? "accept" : "decline");
        var response = accept ? Response.Accepted : Response.Declined;
        if (party == Party.Provider) m.ProviderResponse = response;
        if (party == Party.Newcomer) m.NewcomerResponse = response;
        if (!accept)
        {
            m.DeclinedBy = party;
            m.Reason = reason;
            m.ReasonCode = code;
            Enter(m, MatchState.Declined, party, now);
        }
        else if (m.ProviderResponse == Response.Accepted && m.NewcomerResponse == Response.Accepted)
        {
            Enter(m, MatchState.Accepted, party, now);
        }
        else
        {
            m.UpdateTime = now;
        }
    }

    /// <summary>An outcome; an ending keeps its code (UNSPECIFIED otherwise) and any words.</summary>
    public static void Record(Match m, Outcome outcome, double hours, EndReason code, string reason, Timestamp now)
    {
        var allowed = outcome switch
        {
            Outcome.Started => m.State == MatchState.Accepted,
            Outcome.Completed => m.State == MatchState.Started,
            _ => m.State is MatchState.Accepted or MatchState.Started,
        };
        if (!allowed) throw Illegal(m, $"record {outcome}");
        m.HoursCompleted = hours;
        if (reason.Length > 0) m.Reason = reason;
        if (code != EndReason.Unspecified) m.ReasonCode = code;
        Enter(m, outcome switch { Outcome.Started => MatchState.Started, Outcome.Completed => MatchState.Completed, _ => MatchState.Ended }, Party.Unspecified, now);
    }

    private static void Enter(Match m, MatchState state, Party party, Timestamp now)
    {
        m.State = state;
        m.UpdateTime = now;
        m.History.Add(new StateChange { State = state, Time = now, Party = party });
    }

    private static Grpc.Core.RpcException Illegal(Match m, string step) =>
        Errors.FailedPrecondition("ILLEGAL_TRANSITION", $"matches/{m.Id}", $"cannot {step} a match that is {m.State}");
}
