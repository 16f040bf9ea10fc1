using Grpc.Core;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Api;

/// <summary>
/// Watching matches: the change log read from a cursor, then followed as it grows. The log is the
/// only source, so the seam between the past and the live changes has no gap and no duplicate; the
/// match feed only wakes the watcher up, and a poll covers changes another replica made.
/// </summary>
public sealed partial class MatchingApi
{
    private static readonly TimeSpan WatchPoll = TimeSpan.FromSeconds(1);

    public override async Task WatchMatches(WatchMatchesRequest request, IServerStreamWriter<WatchMatchesResponse> responseStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.People);
        var readable = cursors.TryRead(request.Cursor, caller, request.ProviderId, out var resumeAfter);
        new Violations().OptionalId(request.ProviderId, "provider_id")
            .Check(readable, "cursor", ViolationReasons.InvalidCursor, "not a cursor this caller got from WatchMatches with this provider_id, nor one of its platform's topic").ThrowIfAny();
        if (request.ProviderId.Length > 0 && !MatchAccess.IsStaff(caller) && !access.ManagesProvider(caller, request.ProviderId))
            throw Caller.Denied("not a provider you manage");

        var cancellationToken = context.CancellationToken;
        // Watch the feed before reading the log, so a change committed after the read still wakes this watcher.
        var subscription = feed.Watch();
        try
        {
            var after = resumeAfter ?? await changeLog.LastAsync(cancellationToken);
            if (resumeAfter is not null && !await changeLog.KeepsAfterAsync(after, cancellationToken))
                throw new RpcException(new Status(StatusCode.OutOfRange,
                    $"the change log keeps the last {changeLog.Kept} changes and this cursor is older; catch up with ListMatches and watch again without a cursor"));
            // The headers tell the client where the watch starts: every change committed from here on will come.
            await context.WriteResponseHeadersAsync([]);
            while (!cancellationToken.IsCancellationRequested)
            {
                var entries = await changeLog.AfterAsync(after, cancellationToken);
                foreach (var (sequence, match) in entries)
                {
                    after = sequence;
                    if (request.ProviderId.Length > 0 && match.ProviderId != request.ProviderId || !access.Sees(caller, match)) continue;
                    await audit.ReadNewcomerAsync(caller, "WatchMatches", match.NewcomerId, Purposes.FollowUp, cancellationToken);
                    var cursor = cursors.After(caller, request.ProviderId, after);
                    await responseStream.WriteAsync(new WatchMatchesResponse { Match = access.View(caller, match), Cursor = cursor }, cancellationToken);
                }
                if (entries.Count == 0) subscription = await feed.WaitAsync(subscription, WatchPoll, cancellationToken);
            }
        }
        finally
        {
            subscription.Dispose();
        }
    }
}
