using Google.Protobuf;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Grpc.Core.StatusCode;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The monitoring figures of <see cref="MonitoringWorld"/>, each against a count made by hand from
/// its history. S stands for a suppressed cell: below 5, zero included.
/// </summary>
public sealed class MonitoringTests(MonitoringWorld world) : IClassFixture<MonitoringWorld>
{
    private const int S = -1;

    private static int Of(FigureCount c) => c.ValueCase == FigureCount.ValueOneofCase.Suppressed ? S : c.Count;

    private static (int People, double P25, double Median, double P75) Of(FigureSpread s) => s.Suppressed ? (Of(s.People), S, S, S) : (Of(s.People), s.P25, s.Median, s.P75);

    private async Task<MonitoringFigures> FiguresAsync(Clients? clients = null, bool region = false, params string[] municipalities) =>
        await (clients?.Profiles ?? world.Host.Profiles).GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest
        {
            MunicipalityCodes = { municipalities }, IncludeRegion = region, FromMonth = "2026-01", ToMonth = "2026-03",
        });

    [Fact]
    public async Task Newcomers_by_status_leerroute_and_dutch_level_month_by_month()
    {
        var figures = await FiguresAsync(null, false, MonitoringWorld.Soest);
        Assert.Equal(5, figures.MinimumGroupSize);
        var months = figures.Areas.Single().Months;
        Assert.Equal(["2026-01", "2026-02", "2026-03"], months.Select(m => m.Month));

        // Registered by the end of the month: A+B = 7; then C and D too = 13. Registered in the month: 7, 6, none.
        Assert.Equal([7, 13, 13], months.Select(m => Of(m.Newcomers)));
        Assert.Equal([7, 6, S], months.Select(m => Of(m.Registered)));
        // B2 paused on 20 February: active 7, then 12 with 1 paused (suppressed).
        int Status(MonitoringMonth m, NewcomerStatus s) => Of(m.ByStatus.Single(f => f.Status == s).Newcomers);
        Assert.Equal([7, 12, 12], months.Select(m => Status(m, NewcomerStatus.Active)));
        Assert.Equal([S, S, S], months.Select(m => Status(m, NewcomerStatus.Paused)));
        // B1 route: A (5), then A and C (10); Z route: B (2); onderwijsroute: D (1).
        int Route(MonitoringMonth m, Leerroute l) => Of(m.ByLeerroute.Single(f => f.Leerroute == l).Newcomers);
        Assert.Equal([5, 10, 10], months.Select(m => Route(m, Leerroute.B1)));
        Assert.Equal([S, S, S], months.Select(m => Route(m, Leerroute.Z)));
        // Dutch: A1 for A and B (7) in January; A went to A2 on 25 February, with C at A2: 10; B1 is D alone.
        int Level(MonitoringMonth m, CefrLevel l) => Of(m.DutchLevels.Single(f => f.Level == l).Newcomers);
        Assert.Equal([7, S, S], months.Select(m => Level(m, CefrLevel.A1)));
        Assert.Equal([S, 10, 10], months.Select(m => Level(m, CefrLevel.A2)));
        Assert.Equal([S, S, S], months.Select(m => Level(m, CefrLevel.B1)));
    }

    [Fact]
    public async Task Days_from_registration_to_first_proposal_acceptance_and_start()
    {
        var months = (await FiguresAsync(null, false, MonitoringWorld.Soest)).Areas.Single().Months;

        // January's cohort (A, B): proposals after 3, 5, 7, 9, 11 (A) and 30 days (B1); B2 none. Quartiles of
        // [3 5 7 9 11 30] by interpolation: p25 at rank 1.25 = 5.5, median at 2.5 = 8, p75 at 3.75 = 10.5.
        Assert.Equal((6, 5.5, 8, 10.5), Of(months[0].DaysToFirstProposal));
        // Only A was accepted (25 January: 20 days) and started (4 February: 30 days).
        Assert.Equal((5, 20, 20, 20), Of(months[0].DaysToFirstAcceptance));
        Assert.Equal((5, 30, 30, 30), Of(months[0].DaysToFirstStart));
        // February's cohort (C, D): D proposed after 5 days, C after 20: [5 20 20 20 20 20]; C accepted after 23, started after 24.
        Assert.Equal((6, 20, 20, 20), Of(months[1].DaysToFirstProposal));
        Assert.Equal((5, 23, 23, 23), Of(months[1].DaysToFirstAcceptance));
        Assert.Equal((5, 24, 24, 24), Of(months[1].DaysToFirstStart));
        // Nobody registered in March: no statistic.
        Assert.Equal((S, S, S, S), Of(months[2].DaysToFirstProposal));
    }

    [Fact]
    public async Task Matches_by_kind_and_how_they_ended_in_the_month_of_each_step()
    {
        var months = (await FiguresAsync(null, false, MonitoringWorld.Soest)).Areas.Single().Months;
        int[] Steps(MonitoringMonth m, OpportunityKind kind)
        {
            var f = m.Matches.Single(k => k.Kind == kind);
            return [Of(f.Proposed), Of(f.Accepted), Of(f.Started), Of(f.Completed), Of(f.Ended), Of(f.Declined)];
        }

        // Placements: A's five proposed and accepted in January, started and completed in February (D's proposal and decline: 1 each).
        Assert.Equal([5, 5, S, S, S, S], Steps(months[0], OpportunityKind.WorkPlacement));
        Assert.Equal([S, S, 5, 5, S, S], Steps(months[1], OpportunityKind.WorkPlacement));
        Assert.Equal([S, S, S, S, S, S], Steps(months[2], OpportunityKind.WorkPlacement));
        // Volunteering: B1's in February (1); in March A's five and C's five proposed, A's declined, C's accepted, started and ended.
        Assert.Equal([S, S, S, S, S, S], Steps(months[1], OpportunityKind.Volunteering));
        Assert.Equal([10, 5, 5, S, 5, 5], Steps(months[2], OpportunityKind.Volunteering));
        Assert.All(months, m => Assert.Equal([S, S, S, S, S, S], Steps(m, OpportunityKind.LanguageBuddy)));

        int Ended(MonitoringMonth m, EndReason r) => Of(m.EndedByReason.Single(f => f.Reason == r).Matches);
        int DeclinedFor(MonitoringMonth m, EndReason r) => Of(m.DeclinedByReason.Single(f => f.Reason == r).Matches);
        int DeclinedBy(MonitoringMonth m, Party p) => Of(m.DeclinedBy.Single(f => f.Party == p).Matches);
        Assert.Equal([S, S, 5], months.Select(m => Ended(m, EndReason.PaidWork)));
        Assert.Equal([S, S, 5], months.Select(m => DeclinedFor(m, EndReason.Schedule)));
        Assert.Equal([S, S, 5], months.Select(m => DeclinedBy(m, Party.Newcomer)));
        Assert.Equal([S, S, S], months.Select(m => DeclinedBy(m, Party.Provider)));
        Assert.Equal(Enum.GetValues<EndReason>().Length, months[2].EndedByReason.Count);
        Assert.All(months[2].EndedByReason.Where(f => f.Reason != EndReason.PaidWork), f => Assert.Equal(S, Of(f.Matches)));
    }

    [Fact]
    public async Task Map_hours_against_the_40_at_the_end_of_each_month()
    {
        var months = (await FiguresAsync(null, false, MonitoringWorld.Soest)).Areas.Single().Months;
        Assert.All(months, m => Assert.Equal(40, m.MapHours.HoursRequired));
        // January: A and B (7), none with hours yet (A's were credited on 20 February).
        Assert.Equal((7, S), (Of(months[0].MapHours.Newcomers), Of(months[0].MapHours.Reached)));
        Assert.Equal((7, 0, 0, 0), Of(months[0].MapHours.Hours));
        // February on: A, B and C (12; D is on the onderwijsroute): hours [0 ×7, 10, 20, 40, 40, 40]; 3 reached 40.
        // p25 at rank 2.75 = 0, median at 5.5 = 0, p75 at 8.25 = 20 + 0.25 × 20 = 25.
        foreach (var m in months.Skip(1))
        {
            Assert.Equal((12, S), (Of(m.MapHours.Newcomers), Of(m.MapHours.Reached)));
            Assert.Equal((12, 0, 0, 25), Of(m.MapHours.Hours));
        }
    }

    [Fact]
    public async Task The_region_adds_up_every_municipality_the_caller_may_see()
    {
        var admin = await FiguresAsync(null, true, MonitoringWorld.Soest);
        var region = admin.Areas[^1];
        Assert.Equal((true, ""), (region.Region, region.MunicipalityCode));
        Assert.Equal([MonitoringWorld.Baarn, MonitoringWorld.Soest], region.RegionMunicipalityCodes);
        // Soest's 7 and Baarn's 5 in January; the Z route, small in each (2 and 5), is 7 together; Baarn's Dutch is A0.
        Assert.Equal(12, Of(region.Months[0].Newcomers));
        Assert.Equal(7, Of(region.Months[0].ByLeerroute.Single(f => f.Leerroute == Leerroute.Z).Newcomers));
        Assert.Equal(5, Of(region.Months[0].DutchLevels.Single(f => f.Level == CefrLevel.A0).Newcomers));

        // Policy staff of Soest alone: their region is Soest.
        using var policy = world.Host.As(Roles.Policy, municipalities: [MonitoringWorld.Soest]);
        var own = await FiguresAsync(policy, true);
        Assert.Equal([MonitoringWorld.Soest, ""], own.Areas.Select(a => a.MunicipalityCode));
        Assert.Equal([MonitoringWorld.Soest], own.Areas[1].RegionMunicipalityCodes);
        Assert.Equal(own.Areas[0].Months, own.Areas[1].Months);
    }

    [Fact]
    public async Task No_figure_holds_a_name_an_id_or_a_postcode()
    {
        var figures = await FiguresAsync(null, true, MonitoringWorld.Soest, MonitoringWorld.Baarn);
        var json = JsonFormatter.Default.Format(figures);
        var binary = System.Text.Encoding.UTF8.GetString(figures.ToByteArray());
        Assert.True(world.Seeded.Count > 40);
        Assert.All(world.Seeded, seeded =>
        {
            Assert.DoesNotContain(seeded, json, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(seeded, binary, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task A_configured_minimum_above_5_suppresses_more_and_one_below_5_counts_as_5()
    {
        await using var strict = await RunningHost.StartAsync(null, "--Profiles:Monitoring:MinimumGroupSize=8");
        await using var lax = await RunningHost.StartAsync(null, "--Profiles:Monitoring:MinimumGroupSize=2");
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var host in new[] { strict, lax })
            for (var i = 0; i < 6; i++) await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        async Task<MonitoringFigures> Of(RunningHost host) => await host.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = month, ToMonth = month });

        var eight = await Of(strict);
        var five = await Of(lax);
        Assert.Equal((8, true), (eight.MinimumGroupSize, eight.Areas.Single().Months.Single().Newcomers.Suppressed));
        Assert.Equal((5, 6), (five.MinimumGroupSize, five.Areas.Single().Months.Single().Newcomers.Count));
    }

    [Fact]
    public async Task Each_role_sees_the_figures_of_its_own_municipalities_only()
    {
        using var policyOfBaarn = world.Host.As(Roles.Policy, municipalities: [MonitoringWorld.Baarn]);
        using var caseworker = world.Host.As(Roles.Caseworker, municipalities: [MonitoringWorld.Soest]);
        using var coordinator = world.Host.As(Roles.Coordinator, municipalities: [MonitoringWorld.Soest]);
        using var provider = world.Host.As(Roles.Provider, providers: ["some-provider"]);
        using var service = world.Host.As(Roles.Service);

        Assert.Equal([MonitoringWorld.Baarn], (await FiguresAsync(policyOfBaarn)).Areas.Select(a => a.MunicipalityCode));
        Assert.Equal([MonitoringWorld.Soest], (await FiguresAsync(caseworker)).Areas.Select(a => a.MunicipalityCode));
        Assert.Equal(13, Of((await FiguresAsync(coordinator, false, MonitoringWorld.Soest)).Areas[0].Months[2].Newcomers));
        await Expect.Status(PermissionDenied, () => FiguresAsync(policyOfBaarn, false, MonitoringWorld.Soest));
        await Expect.Status(PermissionDenied, () => FiguresAsync(provider));
        await Expect.Status(PermissionDenied, () => FiguresAsync(service));
        // Policy staff see nobody: not a newcomer of their own municipality, nor their matches.
        await Expect.Status(PermissionDenied, () => policyOfBaarn.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = MonitoringWorld.Baarn }).ResponseAsync);
    }

    [Fact]
    public async Task Every_newcomer_counted_is_on_record_as_read_for_monitoring()
    {
        using var policy = world.Host.As(Roles.Policy, municipalities: [MonitoringWorld.Baarn]);
        await FiguresAsync(policy);
        var baarn = await world.Host.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = MonitoringWorld.Baarn });
        var audit = new AuditService.AuditServiceClient(world.Host.Channel);
        foreach (var n in baarn.Newcomers)
        {
            var entries = await Eventually.Async(() => audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{n.Id}" }).ResponseAsync,
                r => r.Entries.Any(e => e.Action == "GetMonitoringFigures"));
            Assert.Contains(entries.Entries, e => (e.Action, e.Role, e.Purpose) == ("GetMonitoringFigures", Roles.Policy, "monitoring figures"));
        }
    }
}
