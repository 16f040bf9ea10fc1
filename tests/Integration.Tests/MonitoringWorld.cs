using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// A small hand-made history for the monitoring figures, lived month by month on a clock the test
/// sets (January to March 2026, 10:00 UTC). In Soest (GM0342):
/// <list type="bullet">
/// <item>A1–A5, B1 route, Dutch A1, registered 5 January: work placements proposed 3, 5, 7, 9 and 11
/// days later, accepted by both sides on 25 January, started 4 February, completed 20 February with
/// 40, 40, 40, 20 and 10 MAP hours; Dutch A2 from 25 February; volunteering proposed 2 March and
/// declined by the newcomer (SCHEDULE) 3 March.</item>
/// <item>B1–B2, Z route, Dutch A1, registered 5 January: B1 volunteering proposed 4 February (30
/// days), declined by the newcomer (SCHEDULE) 6 February; B2 paused 20 February.</item>
/// <item>C1–C5, B1 route, Dutch A2, registered 10 February: volunteering proposed 2 March (20 days),
/// accepted 5 March (23 days), started 6 March (24 days), ended 20 March (PAID_WORK).</item>
/// <item>D1, onderwijsroute (no MAP), Dutch B1, registered 10 February: a placement proposed 15
/// February (5 days), declined by the provider (PLACE_UNAVAILABLE) 16 February.</item>
/// </list>
/// In Baarn (GM0308): E1–E5, Z route, Dutch A0, registered 20 January, never matched.
/// </summary>
public sealed class MonitoringWorld : IAsyncLifetime
{
    public const string Soest = "GM0342", Baarn = "GM0308", Postcode = "3761";

    private readonly SettableClock clock = new(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));

    public RunningHost Host { get; private set; } = null!;

    /// <summary>Every name, id and postcode that went in: none may come out in a figure.</summary>
    public List<string> Seeded { get; } = [Postcode];

    public async Task InitializeAsync()
    {
        // The services live on the test's clock; tokens are checked against the real one.
        Host = await RunningHost.StartAsync(null, b => b.Services.AddSingleton<TimeProvider>(clock)
            .PostConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System));
        var bakery = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await Opportunity(Build.Placement(bakery.Id, capacity: 20));
        var volunteering = await Opportunity(new Opportunity(Build.Placement(bakery.Id, capacity: 20)) { Kind = OpportunityKind.Volunteering, Title = "Vrijwilliger kantine", CountsTowardsMap = false });
        Seeded.AddRange([bakery.Id, bakery.Name]);

        var a = await Newcomers("A", 5, Soest, Leerroute.B1, CefrLevel.A1);
        var b = await Newcomers("B", 2, Soest, Leerroute.Z, CefrLevel.A1);
        At(2026, 1, 20);
        await Newcomers("E", 5, Baarn, Leerroute.Z, CefrLevel.A0);

        var placements = new List<Match>();
        for (var i = 0; i < a.Count; i++)
        {
            At(2026, 1, 5 + 3 + 2 * i);
            placements.Add(await Propose(a[i], placement));
        }
        At(2026, 1, 25);
        foreach (var m in placements) await Accept(m);
        At(2026, 2, 4);
        foreach (var m in placements) await Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = m.Id, Outcome = Outcome.Started });
        var b1 = await Propose(b[0], volunteering);
        At(2026, 2, 6);
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = b1.Id, Party = Party.Newcomer, ReasonCode = EndReason.Schedule });

        At(2026, 2, 10);
        var c = await Newcomers("C", 5, Soest, Leerroute.B1, CefrLevel.A2);
        var d = await Newcomers("D", 1, Soest, Leerroute.Onderwijs, CefrLevel.B1);
        At(2026, 2, 15);
        var d1 = await Propose(d[0], placement);
        At(2026, 2, 16);
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = d1.Id, Party = Party.Provider, ReasonCode = EndReason.PlaceUnavailable });

        At(2026, 2, 20);
        double[] hours = [40, 40, 40, 20, 10];
        for (var i = 0; i < placements.Count; i++)
            await Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = placements[i].Id, Outcome = Outcome.Completed, HoursCompleted = hours[i] });
        for (var i = 0; i < a.Count; i++)
            await Eventually.Async(() => Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = a[i].Id }).ResponseAsync, n => n.MapHoursDone == hours[i]);
        await Update(b[1], n => n.Status = NewcomerStatus.Paused, "status");
        At(2026, 2, 25);
        foreach (var n in a) await Update(n, n => n.DutchLevel = CefrLevel.A2, "dutch_level");

        At(2026, 3, 2);
        var declined = new List<Match>();
        foreach (var n in a) declined.Add(await Propose(n, volunteering));
        var ending = new List<Match>();
        foreach (var n in c) ending.Add(await Propose(n, volunteering));
        At(2026, 3, 3);
        foreach (var m in declined) await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = m.Id, Party = Party.Newcomer, ReasonCode = EndReason.Schedule });
        At(2026, 3, 5);
        foreach (var m in ending) await Accept(m);
        At(2026, 3, 6);
        foreach (var m in ending) await Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = m.Id, Outcome = Outcome.Started });
        At(2026, 3, 20);
        foreach (var m in ending) await Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = m.Id, Outcome = Outcome.Ended, ReasonCode = EndReason.PaidWork });
        At(2026, 4, 2);
    }

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();

    private void At(int year, int month, int day) => clock.Now = new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private async Task<Opportunity> Opportunity(Opportunity opportunity)
    {
        var created = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = opportunity });
        Seeded.Add(created.Id);
        return created;
    }

    private async Task<List<Newcomer>> Newcomers(string group, int count, string municipality, Leerroute leerroute, CefrLevel dutch)
    {
        var created = new List<Newcomer>();
        for (var i = 1; i <= count; i++)
        {
            var n = Build.Newcomer($"km-{group.ToLowerInvariant()}{i}");
            (n.DisplayName, n.MunicipalityCode, n.Leerroute, n.DutchLevel, n.Postcode) = ($"Monitor{group}{i} Jansen", municipality, leerroute, dutch, Postcode);
            var newcomer = await Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n });
            Seeded.AddRange([newcomer.Id, newcomer.DisplayName, newcomer.CaseworkerId]);
            created.Add(newcomer);
        }
        return created;
    }

    private async Task<Match> Propose(Newcomer newcomer, Opportunity opportunity)
    {
        var match = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = opportunity.Id, CaseworkerId = newcomer.CaseworkerId });
        Seeded.Add(match.Id);
        return match;
    }

    private async Task Accept(Match match)
    {
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
    }

    private async Task Update(Newcomer newcomer, Action<Newcomer> change, string field)
    {
        var current = await Host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id });
        change(current);
        await Host.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = current, UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { field } } });
    }

    private sealed class SettableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
