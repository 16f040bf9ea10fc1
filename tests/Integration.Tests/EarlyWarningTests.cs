using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>A clock the tests move: the system's time plus an offset, so tokens and timers keep working.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref offsetTicks));

    /// <summary>From now on "now" is <paramref name="moment"/>, and runs on from there.</summary>
    public void Set(DateTimeOffset moment) => Interlocked.Exchange(ref offsetTicks, (moment - base.GetUtcNow()).Ticks);

    public void Reset() => Interlocked.Exchange(ref offsetTicks, 0);
}

/// <summary>A host on a <see cref="ShiftedClock"/>, with a wait for a proposal of 5 weeks instead of the default 6.</summary>
public sealed class WarningHost : IAsyncLifetime
{
    public ShiftedClock Clock { get; } = new();
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await RunningHost.StartAsync(null, b => b.Services.AddSingleton<TimeProvider>(Clock), "--Warnings:NoProposalWeeks=5");

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>
/// ListCaseloadWarnings over real gRPC: each warning appears just after its threshold and not just
/// before, goes when the situation changes, and reaches only the caseworker (and municipality) it
/// belongs to. Expected figures are worked out here by hand from the documented rules.
/// </summary>
public sealed class EarlyWarningTests(WarningHost fixture) : IClassFixture<WarningHost>, IDisposable
{
    private const string Soest = "GM0342", Baarn = "GM0308";
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private RunningHost Host => fixture.Host;

    public void Dispose() => fixture.Clock.Reset();

    [Fact]
    public async Task No_proposal_is_named_from_the_set_week_on_for_its_caseworker_only_and_goes_with_a_proposal()
    {
        var caseworker = Unique("km");
        var first = await CreateAsync(Build.Newcomer(caseworker));
        var second = await CreateAsync(Build.Newcomer(caseworker));
        var paused = await CreateAsync(new Newcomer(Build.Newcomer(caseworker)) { Status = NewcomerStatus.Paused });
        var registered = first.CreateTime.ToDateTimeOffset();
        using var own = As(caseworker, Soest);
        using var colleague = As(Unique("km"), Soest);
        using var elsewhere = As(caseworker, Baarn);

        fixture.Clock.Set(registered + TimeSpan.FromDays(35) - Minute);
        Assert.Empty(await WarningsAsync(own, new()));

        fixture.Clock.Set(second.CreateTime.ToDateTimeOffset() + TimeSpan.FromDays(35) + Minute);
        var warnings = await WarningsAsync(own, new());
        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), warnings.Select(w => w.NewcomerId));
        Assert.All(warnings, w => Assert.Equal((EarlyWarningKind.NoProposal, caseworker, 5), (w.Kind, w.CaseworkerId, w.NoProposal.WeeksWaiting)));
        Assert.Equal(first.CreateTime, warnings.Single(w => w.NewcomerId == first.Id).NoProposal.RegisteredTime);
        Assert.DoesNotContain(warnings, w => w.NewcomerId == paused.Id);

        // Another caseworker's own caseload holds none of them; asked for by caseworker or municipality it does, in theirs only.
        Assert.Empty(await WarningsAsync(colleague, new()));
        Assert.Equal(2, (await WarningsAsync(colleague, new() { CaseworkerId = caseworker })).Count);
        Assert.Equal(2, (await WarningsAsync(colleague, new() { MunicipalityCode = Soest })).Count(w => w.CaseworkerId == caseworker));
        Assert.Empty(await WarningsAsync(elsewhere, new()));
        Assert.Single(await WarningsAsync(own, new() { NewcomerId = first.Id }));

        // Each newcomer named is an audited read by the caseworker who asked.
        var audit = new AuditService.AuditServiceClient(Host.Channel);
        var entries = await Eventually.Async(async () => (await audit.ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{second.Id}", PageSize = 1000 })).Entries,
            e => e.Any(x => x.Action == "ListCaseloadWarnings"));
        Assert.Contains(entries, e => (e.Action, e.Actor, e.Purpose) == ("ListCaseloadWarnings", caseworker, "case management"));

        // One at a time: the page token carries on after the first.
        var page = await own.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { PageSize = 1 });
        var next = await own.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { PageSize = 1, PageToken = page.NextPageToken });
        Assert.Equal(warnings.Select(w => w.NewcomerId), page.Warnings.Concat(next.Warnings).Select(w => w.NewcomerId));
        Assert.Equal("", next.NextPageToken);
        Assert.Equal(5, page.Thresholds.NoProposalWeeks);

        var placement = await PlacementAsync();
        var proposed = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = first.Id, OpportunityId = placement.Id, CaseworkerId = caseworker });
        Assert.Equal([second.Id], (await WarningsAsync(own, new())).Select(w => w.NewcomerId));
        // A proposal made counts even when it is withdrawn.
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = proposed.Id, Party = Party.Caseworker });
        Assert.Equal([second.Id], (await WarningsAsync(own, new())).Select(w => w.NewcomerId));
    }

    [Fact]
    public async Task Map_hours_behind_the_straight_line_to_40_are_named_beyond_the_slack_and_go_once_hours_are_recorded()
    {
        var caseworker = Unique("km");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = today.AddDays(-400);
        // By hand: 40 hours on a straight line over the 30 months from the start; 4 hours of slack.
        var expected = 40.0 * 400 / (start.AddMonths(30).DayNumber - start.DayNumber);
        var behind = await CreateAsync(Map(caseworker, start, Math.Round(expected - 4.5, 1)));
        var withinSlack = await CreateAsync(Map(caseworker, start, Math.Round(expected - 3.5, 1)));
        var onderwijs = await CreateAsync(new Newcomer(Map(caseworker, start, 0)) { Leerroute = Leerroute.Onderwijs });
        var noStart = await CreateAsync(new Newcomer(Map(caseworker, start, 0)) { InburgeringStart = null });
        using var own = As(caseworker, Soest);

        var warnings = (await WarningsAsync(own, new())).Where(w => w.Kind == EarlyWarningKind.MapBehind).ToList();
        var facts = Assert.Single(warnings).MapBehind;
        Assert.Equal(behind.Id, warnings[0].NewcomerId);
        Assert.Equal((behind.MapHoursDone, Math.Round(expected, 1), 40.0), (facts.HoursDone, facts.HoursExpected, facts.HoursRequired));
        Assert.Equal((Day(start), Day(start.AddMonths(30)), Day(start.AddYears(3))), (facts.InburgeringStart, facts.TargetDate, facts.Deadline));
        Assert.DoesNotContain(new[] { withinSlack.Id, onderwijs.Id, noStart.Id }, warnings.Select(w => w.NewcomerId).Contains);

        // A completed MAP placement of 1 hour brings the newcomer within the slack.
        var placement = await PlacementAsync();
        var match = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = behind.Id, OpportunityId = placement.Id, CaseworkerId = caseworker });
        await AcceptAsync(match);
        await Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Started });
        await Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Completed, HoursCompleted = 1 });
        var after = await Eventually.Async(() => WarningsAsync(own, new() { NewcomerId = behind.Id }), w => w.All(x => x.Kind != EarlyWarningKind.MapBehind));
        Assert.DoesNotContain(after, w => w.Kind is EarlyWarningKind.MapBehind or EarlyWarningKind.EndedEarly);
    }

    [Fact]
    public async Task A_match_that_ended_early_is_named_for_the_set_weeks_unless_it_was_a_step_forward_or_something_new_was_proposed()
    {
        var caseworker = Unique("km");
        var noShow = await CreateAsync(Build.Newcomer(caseworker));
        var paidWork = await CreateAsync(Build.Newcomer(caseworker));
        var placement = await PlacementAsync();
        var ended = await EndAsync(noShow, placement, EndReason.NoShow, caseworker);
        await EndAsync(paidWork, placement, EndReason.PaidWork, caseworker);
        using var own = As(caseworker, Soest);

        var warning = Assert.Single(await WarningsAsync(own, new()));
        Assert.Equal((EarlyWarningKind.EndedEarly, noShow.Id), (warning.Kind, warning.NewcomerId));
        var facts = warning.EndedEarly;
        Assert.Equal((ended.Id, placement.Id, placement.Title, OpportunityKind.WorkPlacement, EndReason.NoShow), (facts.MatchId, facts.OpportunityId, facts.OpportunityTitle, facts.Kind, facts.ReasonCode));
        Assert.Equal(ended.UpdateTime, facts.EndTime);

        var endTime = ended.UpdateTime.ToDateTimeOffset();
        fixture.Clock.Set(endTime + TimeSpan.FromDays(56) - Minute);
        Assert.Single(await WarningsAsync(own, new()));
        fixture.Clock.Set(endTime + TimeSpan.FromDays(56) + Minute);
        Assert.Empty(await WarningsAsync(own, new()));

        fixture.Clock.Reset();
        var other = await PlacementAsync();
        await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = noShow.Id, OpportunityId = other.Id, CaseworkerId = caseworker });
        Assert.Empty(await WarningsAsync(own, new()));
    }

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static Google.Type.Date Day(DateOnly d) => new() { Year = d.Year, Month = d.Month, Day = d.Day };

    private static Newcomer Map(string caseworker, DateOnly start, double hours) =>
        new(Build.Newcomer(caseworker)) { InburgeringStart = Day(start), MapHoursDone = hours };

    private Clients As(string subject, string municipality) =>
        new(BearerChannel.For(Host.GrpcAddress, Host.Token(subject, Roles.Caseworker, [municipality])));

    private Task<Newcomer> CreateAsync(Newcomer newcomer) => Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = newcomer }).ResponseAsync;

    private async Task<Opportunity> PlacementAsync()
    {
        var provider = await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        return await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id, capacity: 5) });
    }

    private async Task AcceptAsync(Match match)
    {
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await Host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
    }

    private async Task<Match> EndAsync(Newcomer newcomer, Opportunity placement, EndReason code, string caseworker)
    {
        var match = await Host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = caseworker });
        await AcceptAsync(match);
        return await Host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Ended, ReasonCode = code });
    }

    private static async Task<List<EarlyWarning>> WarningsAsync(Clients caller, ListCaseloadWarningsRequest request) =>
        [.. (await caller.Matching.ListCaseloadWarningsAsync(request)).Warnings];
}
