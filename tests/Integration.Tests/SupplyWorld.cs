using Google.Protobuf.WellKnownTypes;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// A small hand-made region for the supply and demand. Every newcomer lives in Soest (GM0342) at its
/// centre, travels at most 10 km, and is free Monday and Tuesday morning and Wednesday afternoon
/// (<see cref="Build.Newcomer"/>) unless said otherwise:
/// <list type="bullet">
/// <item>W1–W6: goal work, occupations 7512 (major group 7) and 4110 (group 4), Dutch A2. W6 has an
/// accepted match at the bakery; W1 a proposal there that waits for its answers.</item>
/// <item>V1–V5: goal volunteering, occupation 5120 (group 5), Dutch A0, free Saturday morning only.</item>
/// <item>B1–B2: goal a language buddy, no occupation.</item>
/// <item>P1: goal work, 7512, paused. C1: goal work, 7512, no consent to matching.</item>
/// </list>
/// Opportunities in Soest: the bakery (7512, A2, Monday and Tuesday morning, 3 places, 1 taken by
/// W6); an office (4110, Dutch B2, Monday morning, 4 places); the canteen (volunteering, 5120,
/// Wednesday afternoon, 3 places). In Baarn (GM0308), 4 km
/// north: a kitchen (7512, A2, Monday morning, 1 place).
/// </summary>
public sealed class SupplyWorld : IAsyncLifetime
{
    public const string Soest = "GM0342", Baarn = "GM0308", Postcode = "3762";

    public RunningHost Host { get; private set; } = null!;

    /// <summary>Every name, id and postcode that went in: none may come out.</summary>
    public List<string> Seeded { get; } = [Postcode];

    public async Task InitializeAsync()
    {
        Host = await RunningHost.StartAsync();
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        Seeded.AddRange([provider.Id, provider.Name]);
        var bakery = await Opportunity(Build.Placement(provider.Id, capacity: 3));
        await Opportunity(new Opportunity(Build.Placement(provider.Id, capacity: 4))
        {
            Title = "Administratief medewerker", Occupation = "4110", RequiredDutchLevel = CefrLevel.B2,
            Schedule = new Availability { HoursPerWeek = 8, DayParts = { DayPart.MondayMorning } },
        });
        await Opportunity(new Opportunity(Build.Placement(provider.Id, capacity: 3))
        {
            Kind = OpportunityKind.Volunteering, Title = "Vrijwilliger kantine", Occupation = "5120", RequiredDutchLevel = CefrLevel.A0, CountsTowardsMap = false,
            Schedule = new Availability { HoursPerWeek = 4, DayParts = { DayPart.WednesdayAfternoon } },
        });
        await Opportunity(new Opportunity(Build.Placement(provider.Id, capacity: 1))
        {
            Title = "Keukenhulp Baarn", MunicipalityCode = Baarn, Location = new GeoPoint { Latitude = 52.2100, Longitude = 5.2900 },
            Schedule = new Availability { HoursPerWeek = 8, DayParts = { DayPart.MondayMorning } },
        });

        var workers = new List<Newcomer>();
        for (var i = 1; i <= 6; i++)
            workers.Add(await Newcomer($"W{i}", n => Goal(n, PipGoal.Work, "7512", "4110")));
        for (var i = 1; i <= 5; i++)
            await Newcomer($"V{i}", n =>
            {
                (n.DutchLevel, n.Availability) = (CefrLevel.A0, new Availability { HoursPerWeek = 4, DayParts = { DayPart.SaturdayMorning } });
                Goal(n, PipGoal.Volunteering, "5120");
            });
        for (var i = 1; i <= 2; i++)
            await Newcomer($"B{i}", n => Goal(n, PipGoal.Buddy));
        var paused = await Newcomer("P1", n => Goal(n, PipGoal.Work, "7512"));
        await Newcomer("C1", n =>
        {
            Goal(n, PipGoal.Work, "7512");
            n.Consent.Matching = false;
        });

        var accepted = await Propose(workers[5], bakery);
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = accepted.Id, Party = Party.Provider, Accept = true });
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = accepted.Id, Party = Party.Newcomer, Accept = true });
        await Propose(workers[0], bakery);
        var current = await Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = paused.Id });
        current.Status = NewcomerStatus.Paused;
        await Host.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = current, UpdateMask = new FieldMask { Paths = { "status" } } });
    }

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();

    private async Task<Opportunity> Opportunity(Opportunity opportunity)
    {
        var created = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = opportunity });
        Seeded.AddRange([created.Id, created.Title]);
        return created;
    }

    private async Task<Newcomer> Newcomer(string name, Action<Newcomer> shape)
    {
        var n = Build.Newcomer($"sd-km-{name.ToLowerInvariant()}");
        (n.DisplayName, n.Postcode) = ($"Vraag{name} de Vries", Postcode);
        shape(n);
        var created = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n });
        Seeded.AddRange([created.Id, created.DisplayName, created.CaseworkerId]);
        return created;
    }

    private static void Goal(Newcomer n, PipGoal goal, params string[] occupations)
    {
        n.PipGoals.Clear();
        n.PipGoals.Add(goal);
        n.Occupations.Clear();
        n.Occupations.Add(occupations);
    }

    private async Task<Match> Propose(Newcomer newcomer, Opportunity opportunity)
    {
        var match = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = opportunity.Id, CaseworkerId = newcomer.CaseworkerId });
        Seeded.Add(match.Id);
        return match;
    }
}
