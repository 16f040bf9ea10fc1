using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Events;

/// <summary>
/// Adds MAP hours from a finished match to the newcomer, once per match: the credit and the new
/// total commit together with a unique claim on the match id, so a redelivery finds it taken.
/// </summary>
public sealed class MapHoursEarnedHandler(ProfileStore store) : IIntegrationEventHandler
{
    public async Task HandleAsync(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (integrationEvent.PayloadCase != IntegrationEvent.PayloadOneofCase.MapHoursEarned) return;
        var earned = integrationEvent.MapHoursEarned;
        var creditKey = ProfileStore.MapCreditKey(earned.MatchId);
        await Optimistic.RetryAsync(async () =>
        {
            if (await store.GetClaimOwnerAsync(creditKey, cancellationToken) is not null) return;
            var newcomer = await store.GetAsync(ProfileStore.Newcomers, earned.NewcomerId, cancellationToken);
            if (newcomer is null) return; // erased meanwhile: nothing to credit
            var stored = newcomer.Clone();
            newcomer.MapHoursDone = Math.Min(2000, newcomer.MapHoursDone + earned.Hours);
            newcomer.UpdateTime = Timestamp.FromDateTime(DateTime.UtcNow);
            var changes = new ChangeSet().Claim(creditKey, earned.MatchId);
            ProfileStore.PutNewcomer(changes, newcomer, stored);
            changes.Publish(Minimised.Changed(newcomer));
            try
            {
                await store.CommitAsync(changes, cancellationToken);
            }
            catch (UniqueConflictException)
            {
                // Credited by a concurrent delivery of the same event.
            }
        });
    }
}
