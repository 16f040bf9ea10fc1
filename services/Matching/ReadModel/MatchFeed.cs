using System.Threading.Channels;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.ReadModel;

/// <summary>
/// Match changes as they reach this process (once each: the read model applies a version once), to
/// everyone watching: what wakes WatchMatches up to read the change log. A watcher more than a
/// thousand changes behind is cut off rather than let memory grow; it watches anew, and the change
/// log holds what it missed.
/// </summary>
public sealed class MatchFeed
{
    private const int Backlog = 1000;
    private readonly Lock gate = new();
    private readonly List<Channel<Match>> watchers = [];

    public void Publish(Match match)
    {
        lock (gate)
            foreach (var watcher in watchers)
                if (!watcher.Writer.TryWrite(match)) watcher.Writer.TryComplete(new FeedOverflowException());
    }

    /// <summary>
    /// Waits until the feed tells of a change (and takes every change waiting), or until the poll has
    /// passed: changes other replicas made reach the log, not this feed. A subscription cut off for
    /// falling behind is replaced by a new one, since the log holds what it missed.
    /// </summary>
    public async Task<Subscription> WaitAsync(Subscription subscription, TimeSpan poll, CancellationToken cancellationToken)
    {
        try
        {
            await subscription.Changes.WaitToReadAsync(cancellationToken).AsTask().WaitAsync(poll, cancellationToken);
            while (subscription.Changes.TryRead(out _)) { }
            return subscription;
        }
        catch (TimeoutException)
        {
            return subscription;
        }
        catch (FeedOverflowException)
        {
            subscription.Dispose();
            return Watch();
        }
    }

    /// <summary>Changes from now on, until the returned subscription is disposed.</summary>
    public Subscription Watch()
    {
        var channel = Channel.CreateBounded<Match>(new BoundedChannelOptions(Backlog) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        lock (gate) watchers.Add(channel);
        return new Subscription(this, channel);
    }

    public sealed class Subscription(MatchFeed feed, Channel<Match> channel) : IDisposable
    {
        public ChannelReader<Match> Changes => channel.Reader;

        public void Dispose()
        {
            lock (feed.gate) feed.watchers.Remove(channel);
            channel.Writer.TryComplete();
        }
    }
}
