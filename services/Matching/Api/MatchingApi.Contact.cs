using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Api;

/// <summary>The contact between the provider and the newcomer's caseworker, once both sides accepted.</summary>
public sealed partial class MatchingApi
{
    /// <summary>
    /// For admins and the provider (or its platform) of a match that both sides accepted, with the
    /// newcomer's consent to sharing: the newcomer's name and caseworker, from the Profiles service,
    /// since this service keeps no names. Audited as a read of the newcomer.
    /// </summary>
    public override async Task<MatchContact> GetMatchContact(GetMatchContactRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        new Violations().Id(request.MatchId, "match_id").ThrowIfAny();
        var match = await LoadAsync(request.MatchId, caller, context.CancellationToken);
        // The subject names the match, never the newcomer, whose id the provider may not know.
        if (match.State is not (MatchState.Accepted or MatchState.Started or MatchState.Completed))
            throw Errors.FailedPrecondition("NOT_ACCEPTED", $"matches/{match.Id}", "both sides have not accepted the match (it must be ACCEPTED, STARTED or COMPLETED)");
        if (model.Newcomer(match.NewcomerId) is not { SharesWithProviders: true })
            throw Errors.FailedPrecondition("NO_SHARING_CONSENT", $"matches/{match.Id}", "the newcomer has not consented to sharing with providers (consent.share_with_providers)");
        var contact = await contacts.OfAsync(match.NewcomerId, context.CancellationToken) ?? throw Errors.NotFound("match", match.Id);
        await audit.ReadNewcomerAsync(caller, "GetMatchContact", match.NewcomerId, Purposes.FollowUp, context.CancellationToken);
        return new MatchContact { MatchId = match.Id, NewcomerName = contact.DisplayName, CaseworkerId = contact.CaseworkerId, CaseworkerContact = contact.CaseworkerContact };
    }
}
