using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

/// <summary>How a newcomer is reached, for the matching service's GetMatchContact.</summary>
public sealed partial class ProfilesApi
{
    /// <summary>
    /// The name and caseworker of a newcomer, for admins and services only: the matching service asks
    /// for the provider of an accepted match, once it has checked the match and the consent. Audited.
    /// </summary>
    public override async Task<NewcomerContact> GetNewcomerContact(GetNewcomerContactRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Service);
        new Violations().Id(request.NewcomerId, "newcomer_id").ThrowIfAny();
        var newcomer = await store.GetAsync(ProfileStore.Newcomers, request.NewcomerId, context.CancellationToken)
            ?? throw Errors.NotFound("newcomer", request.NewcomerId);
        await audit.ReadNewcomerAsync(caller, "GetNewcomerContact", newcomer.Id, Purposes.FollowUp, context.CancellationToken);
        return Contacts.Of(newcomer);
    }
}
