using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Api;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.PlatformTopics;

/// <summary>
/// Publishes the match change log on the platforms' topics, each change on the topic of the
/// platform that represents the match's provider, as that platform sees the match. It reads the
/// log after a stored published-up-to position and moves that position by compare-and-set after
/// each change, so a change committed but not published before a crash goes out after the restart
/// (then perhaps a second time, with the same id), and none is skipped. One replica publishes at a
/// time: the one holding the lease stored with the position.
/// </summary>
public sealed class PlatformTopicPublisher(MatchStore store, MatchChangeLog changeLog, MatchingReadModel model, MatchAccess access, WatchCursors cursors,
    AuditTrail audit, MatchFeed feed, Readiness readiness, IPlatformTopics topics, IOptions<PlatformTopicOptions> options, TimeProvider clock,
    ILogger<PlatformTopicPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly string replica = Guid.NewGuid().ToString("N");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // The platform of a provider and the newcomer's consent come from the read model.
            while (!readiness.IsReady) await Task.Delay(100, stoppingToken);
            var subscription = feed.Watch();
            try
            {
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (await PublishPendingAsync(stoppingToken) == 0) subscription = await feed.WaitAsync(subscription, Poll, stoppingToken);
                }
            }
            finally
            {
                subscription.Dispose();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Publishes what the log holds after the position while this replica holds the lease; how many changes it passed.</summary>
    private async Task<int> PublishPendingAsync(CancellationToken cancellationToken)
    {
        var passed = 0;
        try
        {
            var position = await store.GetAsync(MatchStore.PlatformTopicPositions, MatchStore.PlatformTopicPositionId, cancellationToken) ?? new PlatformTopicPosition();
            if (!PlatformTopicProgress.MayPublish(position, replica, Now)) return 0;
            // The lease is taken (or renewed) before anything goes out, so two replicas never publish the same change.
            if (position.Holder != replica || position.LeaseUntilMs - Now < LeaseMs / 2) await SaveAsync(position, cancellationToken);
            PlatformTopicProgress.NoteTrimmed(position, await changeLog.LastAsync(cancellationToken), changeLog.Kept);
            var entries = await changeLog.AfterAsync(position.PublishedUpTo, cancellationToken);
            var unsaved = false;
            foreach (var (sequence, match) in entries)
            {
                var platform = model.PlatformOf(match.ProviderId);
                var audience = Audience(platform);
                if (platform.Length > 0 && access.Sees(audience, match))
                {
                    var change = PlatformTopicProgress.Change(position, platform, sequence, access.View(audience, match), cursors.ForPlatform(platform, sequence));
                    await audit.ReadNewcomerAsync(audience, "PlatformMatchChanges", match.NewcomerId, Purposes.FollowUp, cancellationToken);
                    await topics.PublishAsync(audience.Subject, MatchChangeLog.IdOf(sequence), change, cancellationToken);
                    PlatformTopicProgress.Passed(position, sequence, platform);
                    await SaveAsync(position, cancellationToken);
                    unsaved = false;
                }
                else
                {
                    // Nothing went out, so the position is stored with the next write (or at the end of the batch).
                    PlatformTopicProgress.Passed(position, sequence, null);
                    unsaved = true;
                }
                passed++;
            }
            if (unsaved) await SaveAsync(position, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another replica took the lease or moved the position: it publishes from there.
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("Publishing match changes to the platforms' topics failed ({ExceptionType}); retrying", exception.GetType().Name);
            await Task.Delay(Poll, cancellationToken);
        }
        return passed;
    }

    /// <summary>Stores the position with this replica's lease renewed; fails if another replica wrote it meanwhile.</summary>
    private async Task SaveAsync(PlatformTopicPosition position, CancellationToken cancellationToken)
    {
        PlatformTopicProgress.Hold(position, replica, Now + LeaseMs);
        var changes = new ChangeSet();
        MatchStore.PlatformTopicPositions.Put(changes, position, position.Version);
        await store.CommitAsync(changes, cancellationToken);
    }

    /// <summary>The platform as the reader of its topic: a platform caller, so the view and access are exactly those of WatchMatches and ListMatches.</summary>
    private Caller Audience(string platform) =>
        new(options.Value.TopicOf(platform), Roles.Platform, new HashSet<string>(), new HashSet<string>(), platform);

    private long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private long LeaseMs => options.Value.LeaseSeconds * 1000L;
}
