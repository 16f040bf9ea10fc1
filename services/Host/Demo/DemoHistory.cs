using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.Contracts.V1;
using static Newcomers.Host.Demo.DemoTimeline;

namespace Newcomers.Host.Demo;

/// <summary>
/// Plays <see cref="DemoTimeline"/> through the public gRPC API with the <see cref="DemoClock"/>
/// set to the day each step happened: the services stamp it as they would have then. A step the product refuses (a place taken meanwhile) goes the way it would in practice:
/// an acceptance that finds no place left becomes the provider's decline (PLACE_UNAVAILABLE), and
/// the rest of that match is skipped.
/// </summary>
public sealed class DemoHistory(DemoClock clock, ProfileService.ProfileServiceClient profiles, MatchingService.MatchingServiceClient matching,
    CancellationToken cancellationToken)
{
    private int played;

    public int Steps => played;

    /// <summary>
    /// Day by day: the clock stands at the day's first step while the day's stories are played side
    /// by side (each one's steps in order), so each story's stamps follow its steps and seeding
    /// stays quick.
    /// </summary>
    public async Task PlayAsync(IEnumerable<Step> steps)
    {
        foreach (var day in steps.GroupBy(s => s.At.UtcDateTime.Date))
        {
            clock.Set(day.First().At);
            // Acceptances go one by one in the plan's order, after the day's other steps (which may free places): who gets the last place is the same on every run.
            await Task.WhenAll(day.Where(s => s.Act != Act.Accept).GroupBy(s => s.Life).Select(async life =>
            {
                foreach (var step in life) await TryPlayAsync(step);
            }));
            foreach (var step in day.Where(s => s.Act == Act.Accept)) await TryPlayAsync(step);
        }
    }

    private async Task TryPlayAsync(Step step)
    {
        try
        {
            await PlayAsync(step);
            Interlocked.Increment(ref played);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound && step.Act != Act.Register)
        {
            // Refused as it would be then (no place, or the match went another way): the story goes on without this step.
        }
    }

    private async Task PlayAsync(Step step)
    {
        var n = step.Life.Newcomer;
        switch (step.Act)
        {
            case Act.Register:
                await profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = n, NewcomerId = n.Id }, cancellationToken: cancellationToken);
                return;
            case Act.RaiseDutch:
                await UpdateAsync(n.Id, c => c.DutchLevel = c.DutchLevel + 1, "dutch_level");
                return;
            case Act.Pause:
                await UpdateAsync(n.Id, c => c.Status = NewcomerStatus.Paused, "status");
                return;
            case Act.Propose:
                step.Life.MatchIds[step.Match] = (await ProposeAsync(n, step.Life.Planned[step.Match])).Id;
                return;
        }
        if (!step.Life.MatchIds.TryGetValue(step.Match, out var id)) return;
        switch (step.Act)
        {
            case Act.DeclineByNewcomer or Act.DeclineByProvider:
                await RespondAsync(id, step.Act == Act.DeclineByNewcomer ? Party.Newcomer : Party.Provider, step.Reason);
                break;
            case Act.Accept:
                await RespondAsync(id, Party.Provider);
                try
                {
                    await RespondAsync(id, Party.Newcomer);
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
                {
                    // Someone else took the last place meanwhile.
                    await RespondAsync(id, Party.Provider, EndReason.PlaceUnavailable);
                }
                break;
            case Act.Start or Act.Complete or Act.End:
                await matching.RecordOutcomeAsync(new RecordOutcomeRequest
                {
                    MatchId = id, Outcome = step.Act switch { Act.Start => Outcome.Started, Act.Complete => Outcome.Completed, _ => Outcome.Ended },
                    HoursCompleted = step.Hours, ReasonCode = step.Reason,
                }, cancellationToken: cancellationToken);
                break;
        }
    }

    /// <summary>Proposes as the newcomer's caseworker, once the matching service has the newcomer (its copy follows the Profiles events).</summary>
    private async Task<Match> ProposeAsync(Newcomer n, Opportunity opportunity)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = n.Id, OpportunityId = opportunity.Id, CaseworkerId = n.CaseworkerId },
                    cancellationToken: cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound && attempt < 200)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }

    private async Task RespondAsync(string matchId, Party party, EndReason declined = EndReason.Unspecified) =>
        await matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = matchId, Party = party, Accept = declined == EndReason.Unspecified, ReasonCode = declined },
            cancellationToken: cancellationToken);

    private async Task UpdateAsync(string id, Action<Newcomer> change, string field)
    {
        var current = await profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = id }, cancellationToken: cancellationToken);
        change(current);
        await profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = current, UpdateMask = new FieldMask { Paths = { field } } }, cancellationToken: cancellationToken);
    }
}
