using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Api;

/// <summary>Openings: the places with room left, for staff looking for newcomers to fill them.</summary>
public sealed partial class MatchingApi
{
    private const int MaxMunicipalities = 50;

    /// <summary>
    /// Open opportunities of one kind that take newcomers today (open, not ended, a place left), in
    /// the caller's municipalities, longest waiting first: by create_time, then id. For staff; a
    /// coordinator asks for language buddies only. From the read model; no personal data, so no audit.
    /// </summary>
    public override Task<ListOpeningsResponse> ListOpenings(ListOpeningsRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        var codes = request.MunicipalityCodes.ToHashSet(StringComparer.Ordinal);
        var query = $"ListOpenings\n{request.Kind}\n{string.Join(',', codes.Order(StringComparer.Ordinal))}";
        var v = new Violations()
            .Check(Rules.Defined(request.Kind), "kind", ViolationReasons.InvalidChoice, "required: OPPORTUNITY_KIND_WORK_PLACEMENT, OPPORTUNITY_KIND_VOLUNTEERING or OPPORTUNITY_KIND_LANGUAGE_BUDDY")
            .Check(request.MunicipalityCodes.Count <= MaxMunicipalities, "municipality_codes", ViolationReasons.TooMany, $"at most {MaxMunicipalities}");
        for (var i = 0; i < request.MunicipalityCodes.Count && i < MaxMunicipalities; i++) v.Municipality(request.MunicipalityCodes[i], $"municipality_codes[{i}]");
        v.PageSize(request.PageSize).PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();
        if (caller.Role == Roles.Coordinator && request.Kind != OpportunityKind.LanguageBuddy) throw Caller.Denied("a coordinator matches language buddies only");
        if (codes.Any(code => !caller.CoversMunicipality(code))) throw Caller.Denied("not a municipality of yours");

        var today = recommender.Today();
        var waiting = model.Opportunities(request.Kind)
            .Where(o => o.TakesNewcomersOn(today) && (codes.Count > 0 ? codes.Contains(o.MunicipalityCode) : caller.CoversMunicipality(o.MunicipalityCode)))
            .Select(o => (Key: WaitingKey(o), Opportunity: o))
            .Where(x => after is null || string.CompareOrdinal(x.Key, after) > 0)
            .OrderBy(x => x.Key, StringComparer.Ordinal).ToList();
        var size = Pages.Size(request.PageSize);
        var page = waiting.Take(size).ToList();
        return Task.FromResult(new ListOpeningsResponse
        {
            Openings = { page.Select(x => Opening(x.Opportunity)) },
            NextPageToken = pages.Next(caller, query, waiting.Count > size ? page[^1].Key : null),
        });
    }

    /// <summary>The place in the order: the posting time, oldest first, as a string that sorts ordinally; ids break ties.</summary>
    private static string WaitingKey(OpportunityEntry o) => $"{o.Posted?.UtcTicks ?? 0:D19}\n{o.Id}";

    private static Opening Opening(OpportunityEntry o) => new()
    {
        OpportunityId = o.Id, Title = o.Title, ProviderId = o.ProviderId, Kind = o.Kind, MunicipalityCode = o.MunicipalityCode,
        Capacity = o.Capacity, PlacesLeft = o.PlacesLeft, Posted = o.Posted is { } posted ? Timestamp.FromDateTimeOffset(posted) : null,
    };
}
