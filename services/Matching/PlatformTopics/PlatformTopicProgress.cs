using Newcomers.Contracts.V1;
using Newcomers.Matching.Storage.Formats;

namespace Newcomers.Matching.PlatformTopics;

/// <summary>
/// How the published-up-to position moves, and what each event says about the one before it on
/// its topic: pure rules over <see cref="PlatformTopicPosition"/>, so that a change published again
/// after a crash (from the position stored before it) is the same event.
/// </summary>
public static class PlatformTopicProgress
{
    /// <summary>The event for a change on the platform's topic, as the position stands before it.</summary>
    public static PlatformMatchChange Change(PlatformTopicPosition position, string platformId, long sequence, Match view, string cursor) => new()
    {
        Sequence = sequence, PreviousSequence = PreviousOn(position, platformId), PlatformId = platformId, Match = view, Cursor = cursor,
    };

    /// <summary>The sequence of the platform's last event; 0 before its first; -1 when changes may have been lost since it.</summary>
    public static long PreviousOn(PlatformTopicPosition position, string platformId)
    {
        var last = position.LastByPlatform.TryGetValue(platformId, out var held) ? held : 0;
        return position.LostUpTo > last ? -1 : last;
    }

    /// <summary>The change went out on the platform's topic (or, with no platform, to none).</summary>
    public static void Passed(PlatformTopicPosition position, long sequence, string? platformId)
    {
        if (platformId is not null) position.LastByPlatform[platformId] = sequence;
        position.PublishedUpTo = sequence;
    }

    /// <summary>
    /// With the log at <paramref name="last"/> and keeping <paramref name="kept"/> changes, the
    /// unpublished ones that are older than that may have been trimmed unseen: every topic is told.
    /// </summary>
    public static void NoteTrimmed(PlatformTopicPosition position, long last, long kept)
    {
        if (last - position.PublishedUpTo > kept) position.LostUpTo = Math.Max(position.LostUpTo, last - kept);
    }

    /// <summary>Whether this replica may publish: it holds the lease, or nobody does, or it has lapsed.</summary>
    public static bool MayPublish(PlatformTopicPosition position, string replica, long nowMs) =>
        position.Holder == replica || position.Holder.Length == 0 || position.LeaseUntilMs < nowMs;

    /// <summary>Takes or renews the lease for this replica.</summary>
    public static void Hold(PlatformTopicPosition position, string replica, long untilMs)
    {
        position.Holder = replica;
        position.LeaseUntilMs = untilMs;
    }
}
