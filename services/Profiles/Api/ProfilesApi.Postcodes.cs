using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Profiles.Api;

/// <summary>The postcode table: a postcode's municipality and centroid for forms, municipality names, and a newcomer's home from their postcode.</summary>
public sealed partial class ProfilesApi
{
    /// <summary>For every person's role: one postcode of the table, NOT_FOUND when the table does not hold it.</summary>
    public override async Task<Postcode> LookupPostcode(LookupPostcodeRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.People);
        new Violations().Check(Rules.IsPostcode(request.Postcode), "postcode", ViolationReasons.InvalidPostcode, "required: four digits, such as 3762").ThrowIfAny();
        return await postcodes.FindAsync(request.Postcode, context.CancellationToken) ?? throw Errors.NotFound("postcode", request.Postcode);
    }

    /// <summary>For every person's role: municipality names are public.</summary>
    public override async Task<ListMunicipalitiesResponse> ListMunicipalities(ListMunicipalitiesRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require([.. Roles.People, Roles.Policy]);
        return new ListMunicipalitiesResponse { Municipalities = { await postcodes.MunicipalitiesAsync(context.CancellationToken) } };
    }

    /// <summary>
    /// The centroid of the postcode that is to give a newcomer's home; null, with UNKNOWN_POSTCODE
    /// on newcomer.postcode, when the table does not hold it. A malformed postcode is left to the
    /// newcomer's rules (INVALID_POSTCODE).
    /// </summary>
    private async Task<GeoPoint?> CentroidAsync(string postcode, Violations v, CancellationToken cancellationToken)
    {
        if (!Rules.IsPostcode(postcode)) return null;
        if (await postcodes.FindAsync(postcode, cancellationToken) is { } found) return found.Location;
        v.Add("newcomer.postcode", ViolationReasons.UnknownPostcode, "not a postcode of the postcode table, so it gives no home; give home, or another postcode");
        return null;
    }
}
