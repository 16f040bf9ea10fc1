using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// The one home of the rules for why a match was declined or ended: a code from the fixed list where
/// one is asked for, and words beside it, which OTHER needs. Also which codes a provider may see.
/// </summary>
public static class EndReasons
{
    /// <summary>Codes about the placement, which the provider was part of; the others are about the newcomer's life.</summary>
    public static readonly EndReason[] ShownToProviders =
    [
        EndReason.Schedule, EndReason.Travel, EndReason.Language, EndReason.PlaceUnavailable,
        EndReason.NoFit, EndReason.NoShow, EndReason.ProviderStopped,
    ];

    public static Violations Validate(RespondToMatchRequest request, Violations v) => request.Accept
        ? NotAllowed(v, request.ReasonCode, "only when declining (accept = false)").Text(request.Reason, "reason", 500)
        : Validate(v, request.ReasonCode, request.Reason, required: request.Party is Party.Provider or Party.Newcomer,
            "required when PARTY_PROVIDER or PARTY_NEWCOMER declines");

    public static Violations Validate(RecordOutcomeRequest request, Violations v) => request.Outcome == Outcome.Ended
        ? Validate(v, request.ReasonCode, request.Reason, required: true, "required for OUTCOME_ENDED")
        : NotAllowed(v, request.ReasonCode, "only with OUTCOME_ENDED").Text(request.Reason, "reason", 500);

    /// <summary>The code a provider or platform sees: its own decline's, or one about the placement.</summary>
    public static EndReason SeenByProvider(Match match) =>
        match.DeclinedBy == Party.Provider || ShownToProviders.Contains(match.ReasonCode) ? match.ReasonCode : EndReason.Unspecified;

    private static Violations Validate(Violations v, EndReason code, string text, bool required, string whenRequired)
    {
        if (code == EndReason.Unspecified) v.Check(!required, "reason_code", ViolationReasons.Required, $"{whenRequired}: an EndReason");
        else v.Check(Enum.IsDefined(code), "reason_code", ViolationReasons.InvalidChoice, "an EndReason");
        return v.Text(text, "reason", 500, required: code == EndReason.Other);
    }

    private static Violations NotAllowed(Violations v, EndReason code, string description) =>
        v.Check(code == EndReason.Unspecified, "reason_code", ViolationReasons.NotAllowed, description);
}
